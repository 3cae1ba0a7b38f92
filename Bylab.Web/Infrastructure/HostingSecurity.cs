using System.Net;
using Bylab.Core.Common;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Bylab.Web;

public sealed class SecurityOptions
{
    public const string Section = "Bylab:Security";

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; from anyone else they are ignored.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, such as 10.0.0.0/8) of such proxies.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool BehindProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"{SecurityOptions.Section}:KnownProxies must hold IP addresses (was '{p}').")
            .Concat(options.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
                .Select(n => $"{SecurityOptions.Section}:KnownNetworks must hold networks such as 10.0.0.0/8 (was '{n}')."))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// What the site believes about the request it is answering (ASVS 14.5): no server banner; outside Development only
/// the public host is answered (an AllowedHosts of «*» or none means Bylab:Site:PublicUrl's host); forwarded headers
/// only from known proxies, so the rate limits key on the real client address and a client cannot choose its own.
/// Links never come from the request in any case (<see cref="PublicUrls"/>).
/// </summary>
public static class HostingSecurity
{
    public static IServiceCollection AddBylabHostingSecurity(this IServiceCollection services, IWebHostEnvironment env)
    {
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<SiteOptions>>((o, site) =>
        {
            var configured = o.AllowedHosts?.Where(h => !string.IsNullOrWhiteSpace(h)).ToList() ?? [];
            if (!env.IsDevelopment() && configured.All(h => h == "*")
                && Uri.TryCreate(site.Value.PublicUrl, UriKind.Absolute, out var publicUrl))
            {
                o.AllowedHosts = [publicUrl.IdnHost];
            }
        });

        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            // Never the Host: links come from PublicUrl, and the host filter judges the Host the client really sent.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // Follow the chain only while each hop is a known proxy; the first unknown address is the client.
            o.ForwardLimit = null;
            foreach (var proxy in security.Value.KnownProxies.Where(p => IPAddress.TryParse(p, out _)))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in security.Value.KnownNetworks.Where(n => System.Net.IPNetwork.TryParse(n, out _)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, and only when proxies are named: without them X-Forwarded-* is ignored entirely.</summary>
    public static IApplicationBuilder UseBylabForwardedHeaders(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.BehindProxy)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
