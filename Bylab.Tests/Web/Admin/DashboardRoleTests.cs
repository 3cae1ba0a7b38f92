using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Admin;

/// <summary>The admin dashboard tells each role what it can do there, and every link on it opens for that role.</summary>
public sealed class DashboardRoleTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Theory]
    [InlineData(Roles.Admin, new[] { "admin", "staff" })]
    [InlineData(Roles.Staff, new[] { "staff" })]
    [InlineData(Roles.Moderator, new[] { "moderator" })]
    public async Task EveryLinkOnTheDashboardOpensForTheRole(string role, string[] sections)
    {
        var (client, _) = await factory.SignedInWithTotpAsync(role.ToLowerInvariant(), role);

        var dashboard = await client.GetPageAsync("/admin");

        var shown = dashboard.QuerySelectorAll("[data-role-section]").Select(s => s.GetAttribute("data-role-section")).Distinct().ToArray();
        Assert.Equal(sections, shown);
        var links = dashboard.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var response = await client.Http.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: {link} answered {(int)response.StatusCode}");
        }
        // Counts only of what the role may open: no user numbers for staff or moderators.
        Assert.Equal(role == Roles.Admin, dashboard.QuerySelector("[data-count=users]") is not null);
        Assert.Equal(role != Roles.Moderator, dashboard.QuerySelector("[data-count=outbox]") is not null);
        Assert.Equal(role != Roles.Moderator, dashboard.QuerySelector("[data-count=pending-bookings]") is not null);
    }
}
