using Bylab.Core;
using Bylab.Core.Data;
using Bylab.Web;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = StaticAssets.FindWebRoot(),
});

try
{
    builder.Services.AddBylabCore(builder.Configuration);
    builder.Services.AddBylabWeb(builder.Environment, builder.Configuration);

    var app = builder.Build();
    app.UseBylabPipeline();

    await using (var scope = app.Services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
            .InitializeAsync(seedDemo: app.Environment.IsDevelopment(), Console.Out);
    }
    if (args is ["promote-admin", var email])
    {
        // dotnet run --project Bylab.Web -- promote-admin person@example.no
        await using var scope = app.Services.CreateAsyncScope();
        Console.WriteLine(await scope.ServiceProvider.GetRequiredService<Bylab.Core.Accounts.AdminBootstrap>().PromoteAsync(email));
        return;
    }
    // dotnet run --project Bylab.Web -- rotate-oidc-keys   (README, «Identity provider»: rotating the keys)
    if (args is ["rotate-oidc-keys"]) { Console.WriteLine(string.Join('\n', OidcKeys.Rotate(OidcKeys.Folder(app.Configuration, app.Environment), DateTimeOffset.UtcNow))); return; }
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"Bylab is running at {address}  (Ctrl+C stops it)");
        }
    });
    await app.RunAsync();
}
catch (OptionsValidationException e)
{
    // A bad setting stops the app with a message that names it. The exception still goes on, so that whatever
    // started the app (a service manager, the test host) sees the start fail instead of a quiet, successful exit.
    Console.Error.WriteLine("Bylab cannot start because of its configuration:");
    foreach (var failure in e.Failures)
    {
        Console.Error.WriteLine("  " + failure);
    }
    throw;
}
