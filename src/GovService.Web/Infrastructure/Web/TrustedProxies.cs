using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace GovService.Web.Infrastructure.Web;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the reverse proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), comma-separated.
/// Default: none, and then the headers are not read at all. ASP.NET's own defaults (loopback) are dropped: with them,
/// anything on the host, or any request whose peer address is unknown, could send a new X-Forwarded-For with each
/// login or lookup and escape the per-address rate limits. (Empty lists do not mean "none" to the middleware: it
/// then believes everyone, which is why "none" switches the headers off instead of clearing the lists.)
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = Split(section["KnownProxies"]).Select(text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{text}' is not an IP address (docs/operations.md)."))
            .ToList();
        var networks = Split(section["KnownNetworks"]).Select(text => System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{text}' is not a network in CIDR form such as 10.0.0.0/24 (docs/operations.md)."))
            .ToList();

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }

            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    private static string[] Split(string? list) => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
