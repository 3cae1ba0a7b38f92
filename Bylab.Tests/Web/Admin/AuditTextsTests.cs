using System.Globalization;
using System.Resources;
using Bylab.Web.Areas.Admin;
using Bylab.Web.Areas.Admin.Audit;

namespace Bylab.Tests.Web.Admin;

public sealed class AuditTextsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("nn")]
    [InlineData("en")]
    public void EveryAuditActionHasAName(string culture)
    {
        var resources = new ResourceManager("Bylab.Web.Resources.Areas.Admin.AdminResource", typeof(AdminResource).Assembly);
        // Only this language's own texts: a fallback to bokmål would hide a missing translation.
        var set = resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!;

        Assert.Contains("user.roles.changed", AuditText.KnownActions);
        Assert.Contains("event.registration.removed", AuditText.KnownActions);
        Assert.Contains("idea.answered", AuditText.KnownActions);
        Assert.All(AuditText.KnownActions, code => Assert.False(string.IsNullOrWhiteSpace(set.GetString("Audit." + code)), $"Audit.{code} ({culture})"));
    }
}
