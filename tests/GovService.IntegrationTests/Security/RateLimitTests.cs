using System.Net;
using GovService.IntegrationTests.Infrastructure;

namespace GovService.IntegrationTests.Security;

/// <summary>
/// A portal whose login and public lookup limits are low enough to hit in a test: one host for both limits, each
/// kept by its own limiter, so the two tests cannot disturb each other.
/// </summary>
public sealed class StrictLimitsPortal : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:LoginRateLimit:PermitLimit"] = "5",
        ["Security:LoginRateLimit:WindowSeconds"] = "300",
        ["Security:LookupRateLimit:PermitLimit"] = "4",
        ["Security:LookupRateLimit:WindowSeconds"] = "300",
    };
}

/// <summary>
/// Logins and the public lookups are limited per client address. The lookups (a case's status by number and query
/// code, a licence's verification by identifier, as pages and as JSON) share one limit: guessing query codes or
/// identifiers gets 429 with a localised message and a Retry-After, like repeated login posts do.
/// </summary>
// In the portal collection so it never runs beside the database restores of the other tests (they clear the
// process's connection pools); a login test failed once, unreproduced, while running in parallel with them.
[Collection(PortalTests.Name)]
public sealed class RateLimitTests(StrictLimitsPortal portal) : IClassFixture<StrictLimitsPortal>
{
    [Fact]
    public async Task Repeated_login_posts_from_one_address_get_429_with_a_localised_message()
    {
        using var browser = portal.NewBrowser();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 7; i++)
        {
            last = await browser.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Account"] = "clerk", ["Password"] = $"wrong-{i}-pw" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains("操作过于频繁", await last!.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(last.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Repeated_lookups_from_one_address_get_429_with_a_localised_message_on_every_lookup_route()
    {
        using var browser = portal.NewBrowser();
        string[] lookups =
        [
            "/status?number=3611312026110300001&code=AAAAAA", "/api/v1/cases/3611312026110300001/status?queryCode=AAAAAA",
            "/verify/00000000000000000000000000000000", "/api/v1/certificates/00000000000000000000000000000000/verify",
        ];

        // Four guesses, one per route, are answered (not found); the fifth and every lookup after it is refused.
        foreach (var url in lookups)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).StatusCode);
        }

        foreach (var url in lookups)
        {
            using var refused = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            if (url.StartsWith("/api/", StringComparison.Ordinal))
            {
                // The APIs answer as ProblemDetails, the localised message its detail.
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                using var problem = System.Text.Json.JsonDocument.Parse(body);
                Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
                Assert.True(problem.RootElement.TryGetProperty("detail", out var detail), body);
                body = detail.GetString()!;
            }

            Assert.Contains("操作过于频繁", body, StringComparison.Ordinal);
            var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 300);
            Assert.Equal("nosniff", refused.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("frame-ancestors 'none'", refused.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        await browser.GetAsync("/language?culture=en&returnUrl=%2F");
        using var english = await browser.GetAsync(lookups[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Contains("Too many attempts", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Pages that look nothing up are not limited.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/services")).StatusCode);
    }
}
