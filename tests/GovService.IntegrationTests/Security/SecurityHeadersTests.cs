using System.Net;
using GovService.IntegrationTests.Infrastructure;

namespace GovService.IntegrationTests.Security;

/// <summary>
/// Every kind of answer — a page, a form refused, JSON, a problem, an error page, a redirect, a static file, the
/// jobs dashboard — says how browsers must treat it: no script but the portal's own, never in a frame, no MIME
/// sniffing, no full addresses sent to other sites. (The access matrix checks the headers are on every answer of
/// every route; this checks what they say.)
/// </summary>
[Collection(PortalTests.Name)]
public sealed class SecurityHeadersTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetForReadingAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string?, string, HttpStatusCode> Answers => new()
    {
        { null, "/", HttpStatusCode.OK },
        { null, "/account/login", HttpStatusCode.OK },
        { null, "/api/v1/catalog/items", HttpStatusCode.OK },
        { null, "/api/v1/cases/3611312026110300001/status?queryCode=AAAAAA", HttpStatusCode.NotFound },
        { null, "/openapi/v1.json", HttpStatusCode.OK },
        { null, "/no/such/page", HttpStatusCode.NotFound },
        { null, "/error", HttpStatusCode.InternalServerError },
        { null, "/account/me", HttpStatusCode.Redirect },
        { null, "/css/site.css", HttpStatusCode.OK },
        { null, "/health/ready", HttpStatusCode.OK },
        { Demo.CitizenId, "/admin/catalog", HttpStatusCode.Forbidden },
        { Demo.CitizenId, "/my/cases/3611312026110399999", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_kind_of_answer_forbids_foreign_script_framing_sniffing_and_referrer_leaks(string? account, string url, HttpStatusCode status)
    {
        using var browser = portal.NewBrowser();
        if (account is not null)
        {
            await browser.LoginAsync(account);
        }

        using var response = await browser.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        var policy = Directives(response);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]); // no 'unsafe-inline', no 'unsafe-eval', no other host
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.Equal("'self'", policy["base-uri"]);
        AssertTheOtherHeaders(response);
    }

    [Fact]
    public async Task The_jobs_dashboard_may_style_itself_inline_but_is_never_framed_either()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");

        using var response = await admin.GetAsync("/ops/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("'none'", Directives(response)["frame-ancestors"]);
        AssertTheOtherHeaders(response);
    }

    [Fact]
    public async Task A_form_refused_for_its_missing_token_carries_them_too()
    {
        using var browser = portal.NewBrowser();
        using var refused = await browser.PostWithoutTokenAsync("/account/login", new Dictionary<string, string> { ["Account"] = "clerk", ["Password"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("'none'", Directives(refused)["frame-ancestors"]);
        AssertTheOtherHeaders(refused);
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);

    private static void AssertTheOtherHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
