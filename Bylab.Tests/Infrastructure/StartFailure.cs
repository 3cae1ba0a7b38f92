namespace Bylab.Tests.Infrastructure;

/// <summary>For tests of settings that must stop the start: the messages of the exception the host threw, inner ones included.</summary>
public static class StartFailure
{
    /// <summary>Starts the host, expects it to fail, and returns every message of the failure joined with « | ».</summary>
    public static string Of(BylabFactory factory)
    {
        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        return string.Join(" | ", Flatten(e).Select(x => x.Message));
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a)
            {
                foreach (var inner in a.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
