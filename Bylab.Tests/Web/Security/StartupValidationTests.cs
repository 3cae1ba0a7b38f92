using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Security;

public sealed class StartupValidationTests
{
    private sealed class BadSmtpFactory : BylabFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Bylab:Email:Smtp:Host", "smtp.example"), new("Bylab:Email:Smtp:Port", "0")];
    }

    [Fact]
    public void BadSettingStopsStartAndIsNamed()
    {
        using var factory = new BadSmtpFactory();

        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = string.Join(" | ", Flatten(e).Select(x => x.Message));
        Assert.Contains("Bylab:Email:Smtp:Port", messages);
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
