using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Events;

public sealed class PublicUrlSettingTests
{
    private sealed class RelativeUrlFactory : BylabFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Bylab:Site:PublicUrl", "bylab.hamar.kommune.no")];
    }

    [Fact]
    public void ARelativePublicUrlStopsStartAndIsNamed()
    {
        using var factory = new RelativeUrlFactory();

        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Bylab:Site:PublicUrl", string.Join(" | ", Flatten(e).Select(x => x.Message)));
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
