using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Admin;

internal static class AdminLogins
{
    /// <summary>A new confirmed account with the roles, two-factor on, signed in with a TOTP code.</summary>
    public static async Task<(BylabClient Client, string Email)> SignedInWithTotpAsync(this BylabFactory factory, string prefix, params string[] roles)
    {
        var email = TestData.UniqueEmail(prefix);
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: roles);
        var key = await factory.EnableTotpAsync(email);
        var client = factory.CreateBylabClient();
        await client.LogInWithTotpAsync(email, TestData.Password, key);
        return (client, email);
    }

    public static async Task<(BylabClient Client, string Email)> SignedInAsync(this BylabFactory factory, string prefix, params string[] roles)
    {
        var email = TestData.UniqueEmail(prefix);
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: roles);
        var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);
        return (client, email);
    }
}
