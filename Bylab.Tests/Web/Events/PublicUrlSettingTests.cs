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

        Assert.Contains("Bylab:Site:PublicUrl", StartFailure.Of(factory));
    }
}
