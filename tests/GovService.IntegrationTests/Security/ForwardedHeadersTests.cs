using System.Net;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests.Security;

/// <summary>
/// A portal whose lookups are limited to 10 per address, with the TCP peer of each request taken from the test's
/// <c>X-Test-Peer</c> header (the in-memory server has no sockets; Kestrel sets the peer from the connection).
/// </summary>
public abstract class PeerPortal : PortalFactory
{
    public const string PeerHeader = "X-Test-Peer";

    protected abstract IDictionary<string, string?> Forwarding { get; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(Forwarding)
    {
        ["Security:LookupRateLimit:PermitLimit"] = "10",
        ["Security:LookupRateLimit:WindowSeconds"] = "300",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    public HttpClient NewClient(bool https = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(https ? "https://localhost" : "http://localhost") });

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].FirstOrDefault() ?? "198.51.100.20");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The default: no proxy configured.</summary>
public sealed class NoProxyPortal : PeerPortal
{
    protected override IDictionary<string, string?> Forwarding => new Dictionary<string, string?>();
}

/// <summary>nginx at 10.0.0.5 (and a load-balancer network 10.1.0.0/24) configured as trusted proxies.</summary>
public sealed class ConfiguredProxyPortal : PeerPortal
{
    public const string Proxy = "10.0.0.5";

    protected override IDictionary<string, string?> Forwarding => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies"] = Proxy,
        ["ForwardedHeaders:KnownNetworks"] = "10.1.0.0/24",
    };
}

/// <summary>
/// X-Forwarded-For and -Proto are believed only from configured proxies: otherwise a client rotating the header
/// would count as a new address for every login or lookup and never meet the rate limit, and a client could claim
/// HTTPS. The antiforgery cookie is Secure exactly when the sign-in cookie is.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class ForwardedHeadersWithoutProxyTests(NoProxyPortal portal) : IClassFixture<NoProxyPortal>
{
    [Fact]
    public async Task With_no_proxy_configured_twenty_lookups_with_different_forwarded_addresses_are_limited_as_one_client()
    {
        using var client = portal.NewClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases/3611312026110300001/status?queryCode=AAAAAA");
            // From loopback, which ASP.NET would trust by default: a client on the host, or a proxy nobody configured.
            request.Headers.Add(PeerPortal.PeerHeader, "127.0.0.1");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await client.SendAsync(request);
            answers.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 10), answers.Take(10));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 10), answers.Skip(10));
    }

    [Fact]
    public async Task With_no_proxy_configured_a_claimed_https_does_not_make_cookies_secure_but_real_https_makes_both_secure()
    {
        using var plain = portal.NewClient();
        Assert.All(await CookiesAsync(plain, "127.0.0.1", ("X-Forwarded-Proto", "https")), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));

        using var https = portal.NewClient(https: true);
        var cookies = await CookiesAsync(https, "198.51.100.79");
        Assert.Equal(["gov.af", "gov.auth"], cookies.Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)]).Order());
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Opens the login form and signs in as a citizen; the antiforgery and sign-in cookies set on the way.</summary>
    internal static async Task<List<string>> CookiesAsync(HttpClient client, string peer, params (string Name, string Value)[] headers)
    {
        using var form = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        form.Headers.Add(PeerPortal.PeerHeader, peer);
        foreach (var (name, value) in headers)
        {
            form.Headers.Add(name, value);
        }

        using var page = await client.SendAsync(form);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gov.af=", StringComparison.Ordinal));
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Account", Demo.CitizenId), new("Password", Demo.Password)]),
        };
        login.Headers.Add(PeerPortal.PeerHeader, peer);
        login.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        foreach (var (name, value) in headers)
        {
            login.Headers.Add(name, value);
        }

        using var signedIn = await client.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return [antiforgery, signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gov.auth=", StringComparison.Ordinal))];
    }
}

[Collection(PortalTests.Name)]
public sealed class ForwardedHeadersFromConfiguredProxyTests(ConfiguredProxyPortal portal) : IClassFixture<ConfiguredProxyPortal>
{
    private static async Task<HttpStatusCode> LookupAsync(HttpClient client, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases/3611312026110300001/status?queryCode=AAAAAA");
        request.Headers.Add(PeerPortal.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task From_a_configured_proxy_the_forwarded_address_is_the_client_that_the_limit_counts()
    {
        using var client = portal.NewClient();

        // Twenty citizens behind the proxy, one lookup each: none is limited.
        for (var i = 1; i <= 20; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await LookupAsync(client, ConfiguredProxyPortal.Proxy, $"203.0.113.{i}"));
        }

        // One citizen guessing through the proxy meets the limit (10 per address), the others do not.
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            guesses.Add(await LookupAsync(client, ConfiguredProxyPortal.Proxy, "203.0.113.1"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, guesses[^1]);
        Assert.Equal(HttpStatusCode.NotFound, await LookupAsync(client, "10.1.0.9", "203.0.113.2")); // a trusted network
    }

    [Fact]
    public async Task From_an_address_that_is_no_configured_proxy_the_header_is_ignored()
    {
        using var client = portal.NewClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 20; i++)
        {
            answers.Add(await LookupAsync(client, "198.51.100.90", $"192.0.2.{i}"));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 10), answers.Skip(10));
    }

    [Fact]
    public async Task Https_told_by_the_configured_proxy_makes_the_antiforgery_and_sign_in_cookies_secure()
    {
        using var client = portal.NewClient();

        var cookies = await ForwardedHeadersWithoutProxyTests.CookiesAsync(client, ConfiguredProxyPortal.Proxy, ("X-Forwarded-For", "203.0.113.60"), ("X-Forwarded-Proto", "https"));

        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.All(await ForwardedHeadersWithoutProxyTests.CookiesAsync(client, ConfiguredProxyPortal.Proxy, ("X-Forwarded-For", "203.0.113.61")),
            cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }
}
