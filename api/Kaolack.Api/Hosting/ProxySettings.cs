using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Api.Hosting;

/// <summary>
/// The "Kaolack:Proxy" section: the reverse proxies (nginx, a cloud load balancer) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the app believes, so that the client's address (rate limits, logs) and scheme are the real
/// ones. Empty, the default: no forwarded header is believed, not even from loopback, so nobody can claim another
/// address by sending one.
/// </summary>
public sealed class ProxySettings
{
    public const string Section = "Kaolack:Proxy";

    /// <summary>Addresses of the proxies in front of the silos ("127.0.0.1", "10.0.0.4").</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation ("10.0.0.0/24").</summary>
    public string[] KnownNetworks { get; set; } = [];
}

public static class KaolackProxy
{
    public static IServiceCollection AddKaolackForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ProxySettings.Section).Get<ProxySettings>() ?? new ProxySettings();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Each hop is believed only from a known proxy, however many there are in a chain.
            options.ForwardLimit = null;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after sees the client's address and scheme.</summary>
    public static WebApplication UseKaolackForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
