using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Profile;

/// <summary>
/// A staff, moderator or admin account gets its first authenticator only through an enrolment link an admin sends:
/// someone who knows just the password cannot set up a second factor of their own and walk into /admin.
/// </summary>
public sealed class TwoFactorEnrolmentTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private const string EnablePage = "/min-side/tofaktor/aktiver";

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Admin)]
    public async Task AStaffAccountCannotEnrolWithThePasswordAlone(string role)
    {
        var email = TestData.UniqueEmail("ansatt");
        await factory.CreateUserAsync(email, TestData.Password, role);
        using var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);

        var page = await client.GetPageAsync(EnablePage);
        Assert.Null(page.QuerySelector("#authenticator-key"));
        Assert.Null(page.QuerySelector("img.qr"));
        Assert.Contains("lenke", page.QuerySelector("main")!.TextContent);

        // A code for a key made up by the attacker, posted as the form would: refused, nothing changes.
        var post = await client.PostRawAsync(EnablePage, [new("__RequestVerificationToken", BylabClient.TokenFrom(page)), new("Form.Code", "123456")]);
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Null(await factory.WithDbAsync(db => db.UserTokens.Where(t => db.Users.Any(u => u.Email == email && u.Id == t.UserId)).Select(t => t.Value).FirstOrDefaultAsync()));
    }
}
