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

        var messages = StartFailure.Of(factory);

        Assert.Contains("Bylab:Email:Smtp:Port", messages);
    }
}
