using System.Net;
using System.Text.RegularExpressions;
using GovService.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace GovService.BrowserTests;

/// <summary>
/// Two portal processes on two loopback ports against one database, started at the same moment as two servers
/// behind a proxy would be (both migrate and seed: the locks must hold), each with its Hangfire server.
/// </summary>
public sealed class TwoPortals : IAsyncLifetime
{
    private TestDatabase? _database;

    public PortalInstance A { get; private set; } = null!;

    public PortalInstance B { get; private set; } = null!;

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("twoinst");
        // nginx on the same host: both instances believe X-Forwarded-For/-Proto from loopback, as operations.md says to configure it.
        var settings = new Dictionary<string, string> { ["Supervision__AllowChosenDate"] = "true", ["ForwardedHeaders__KnownProxies"] = "127.0.0.1,::1" };
        var a = PortalInstance.StartAsync(_database.ConnectionString, settings);
        // B has the production-like login limit small, for the behind-a-proxy check.
        var b = PortalInstance.StartAsync(_database.ConnectionString, new Dictionary<string, string>(settings) { ["Security__LoginRateLimit__PermitLimit"] = "5" });
        A = await a;
        B = await b;
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TwoPortalTests : ICollectionFixture<TwoPortals>
{
    public const string Name = "two-instances";
}

[Collection(TwoPortalTests.Name)]
public sealed partial class TwoInstanceTests(TwoPortals portals)
{
    private const string Password = "Gov2026demo";
    private const string FoodLicence = "000104004000";

    /// <summary>One person's browser: one cookie jar, whichever instance the proxy sends a request to.</summary>
    private sealed class Visitor : IDisposable
    {
        private readonly CookieContainer _cookies = new();
        private readonly HttpClient _http;

        public Visitor() => _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies });

        public string CookieHeader(string url) => _cookies.GetCookieHeader(new Uri(url));

        public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
        {
            using var response = await _http.GetAsync(new Uri(url));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task<HttpResponseMessage> PostAsync(string url, string token, IEnumerable<KeyValuePair<string, string>> fields)
        {
            using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
            return await _http.PostAsync(new Uri(url), content);
        }

        public void Dispose() => _http.Dispose();
    }

    private static string TokenOf(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "no antiforgery token on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static async Task LoginAsync(Visitor visitor, PortalInstance on, string account)
    {
        var (_, html) = await visitor.GetAsync(on.BaseUrl + "/account/login");
        using var response = await visitor.PostAsync(on.BaseUrl + "/account/login", TokenOf(html), [new("Account", account), new("Password", Password)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {account} on {on.BaseUrl} answered {(int)response.StatusCode}");
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portals.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AssertNone(string duplicates) => Assert.True(duplicates.Length == 0, "duplicated: " + duplicates);

    private async Task<string> TextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portals.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() as string ?? "";
    }

    [Fact]
    public async Task A_call_made_on_one_instance_reaches_a_calling_display_connected_to_the_other_within_a_second()
    {
        var hall = await TextAsync("SELECT id::text FROM gov.org_halls WHERE kind = 1 LIMIT 1");
        var window = await TextAsync($"SELECT id::text FROM gov.org_hall_windows WHERE hall_id = '{hall}' AND number = 4");
        await using var display = new HubConnectionBuilder().WithUrl(portals.B.BaseUrl + "/hubs/hall").Build();
        var called = new TaskCompletionSource<System.Text.Json.JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        display.On<System.Text.Json.JsonElement>("called", m => called.TrySetResult(m));
        await display.StartAsync();
        await display.InvokeAsync("WatchHall", Guid.Parse(hall));

        using var kiosk = new Visitor();
        var (_, kioskPage) = await kiosk.GetAsync(portals.A.BaseUrl + $"/hall/{hall}/kiosk/ticket");
        using var taken = await kiosk.PostAsync(portals.A.BaseUrl + $"/hall/{hall}/kiosk/ticket", TokenOf(kioskPage), [new("Category", "Comprehensive"), new("PersonName", "两实例")]);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);

        using var clerk = new Visitor();
        await LoginAsync(clerk, portals.A, "clerk");
        var (_, panel) = await clerk.GetAsync(portals.A.BaseUrl + $"/hall/desk/windows/{window}");
        var pressed = System.Diagnostics.Stopwatch.StartNew();
        using var call = await clerk.PostAsync(portals.A.BaseUrl + $"/hall/desk/windows/{window}/call", TokenOf(panel), []);
        Assert.Equal(HttpStatusCode.Redirect, call.StatusCode);
        var message = await called.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(pressed.ElapsedMilliseconds < 1000, $"B's display heard A's call after {pressed.ElapsedMilliseconds} ms");
        Assert.Equal(4, message.GetProperty("call").GetProperty("window").GetInt32());
        Assert.Equal("两*例", message.GetProperty("call").GetProperty("maskedName").GetString());
    }

    [Fact]
    public async Task A_login_made_on_one_instance_is_valid_on_the_other_and_a_form_rendered_by_one_posts_to_the_other()
    {
        using var citizen = new Visitor();
        await LoginAsync(citizen, portals.A, "361131198506120026");

        var (status, myCases) = await citizen.GetAsync(portals.B.BaseUrl + "/my/cases");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("张伟", myCases, StringComparison.Ordinal);

        // The application form comes from A (its key and antiforgery token); the draft is saved through B.
        var (formStatus, form) = await citizen.GetAsync(portals.A.BaseUrl + $"/apply/{FoodLicence}");
        Assert.Equal(HttpStatusCode.OK, formStatus);
        var key = KeyPattern().Match(form).Groups[1].Value;
        using var saved = await citizen.PostAsync(portals.B.BaseUrl + $"/apply/{FoodLicence}", TokenOf(form),
        [
            new("ApplicationKey", key), new("ContactMobile", "13800138000"), new("action", "save"),
            new("Fields[operating_address]", "两个实例之间的草稿"), new("Fields[business_format]", "餐饮服务经营者"), new("Fields[operating_items]", "热食类食品制售"),
            new("Fields[operating_area]", "86.5"), new("Fields[safety_manager]", "店长"), new("Fields[online_sales]", "false"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM gov.int_cases WHERE id = '{Guid.Parse(key)}' AND form_data::text LIKE '%两个实例之间的草稿%'"));

        // And back: A shows the draft B saved.
        var (_, draft) = await citizen.GetAsync(portals.A.BaseUrl + $"/apply/{FoodLicence}?key={key}");
        Assert.Contains("两个实例之间的草稿", draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_administrators_sweeping_at_the_same_moment_on_both_instances_card_each_case_once()
    {
        using var adminA = new Visitor();
        using var adminB = new Visitor();
        await LoginAsync(adminA, portals.A, "admin");
        await LoginAsync(adminB, portals.B, "admin");
        var (_, pageA) = await adminA.GetAsync(portals.A.BaseUrl + "/admin/supervision");
        var (_, pageB) = await adminB.GetAsync(portals.B.BaseUrl + "/admin/supervision");

        // As of a day long after every demo case's promised date: every open step is overdue.
        var sweeps = await Task.WhenAll(
            adminA.PostAsync(portals.A.BaseUrl + "/admin/supervision/evaluate", TokenOf(pageA), [new("asOf", "2027-03-01")]),
            adminB.PostAsync(portals.B.BaseUrl + "/admin/supervision/evaluate", TokenOf(pageB), [new("asOf", "2027-03-01")]));
        foreach (var sweep in sweeps)
        {
            Assert.Equal(HttpStatusCode.OK, sweep.StatusCode);
            Assert.Contains("2027-03-01", await sweep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            sweep.Dispose();
        }

        Assert.True(await ScalarAsync("SELECT count(*) FROM gov.sup_cards WHERE colour = 2") > 0, "the demo county's open cases should be carded");
        AssertNone(await TextAsync("SELECT string_agg(case_number || ' ' || colour || ' ' || deadline || ' ' || due_on || ' ' || issued_on || ' ' || coalesce(closed_at::text, 'open'), '; ') FROM gov.sup_cards WHERE (case_id, coalesce(task_id, case_id), deadline, colour) IN (SELECT case_id, coalesce(task_id, case_id), deadline, colour FROM gov.sup_cards GROUP BY 1, 2, 3, 4 HAVING count(*) > 1)"));
        AssertNone(await TextAsync("SELECT string_agg(case_number, '; ') FROM (SELECT case_number FROM gov.sup_orders GROUP BY case_number, card_id HAVING count(*) > 1) d"));
        AssertNone(await TextAsync("SELECT string_agg(title, '; ') FROM (SELECT title FROM gov.ntf_inbox GROUP BY user_id, title, body HAVING count(*) > 1) d"));
        AssertNone(await TextAsync("SELECT string_agg(body, '; ') FROM (SELECT body FROM gov.ntf_outbox GROUP BY channel, recipient, body HAVING count(*) > 1) d"));
    }

    [Fact]
    public async Task Recurring_jobs_fire_once_per_schedule_with_two_job_servers()
    {
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM hangfire.server"));

        // The audit chain is sealed every minute: wait for two scheduled runs.
        const string Runs = """
            SELECT count(DISTINCT date_trunc('minute', j.createdat)) FROM hangfire.job j
            JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId'
            WHERE p.value = '"ops.audit-seal"'
            """;
        var until = DateTime.UtcNow.AddMinutes(3);
        while (await ScalarAsync(Runs) < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(2000);
        }

        Assert.True(await ScalarAsync(Runs) >= 2, "ops.audit-seal did not run twice within three minutes");
        var twice = await ScalarAsync("""
            SELECT count(*) FROM (
                SELECT 1 FROM hangfire.job j
                JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId'
                GROUP BY p.value, date_trunc('minute', j.createdat)
                HAVING count(*) > 1) d
            """);
        Assert.Equal(0, twice);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM hangfire.job WHERE statename = 'Failed'"));
    }

    [Fact]
    public async Task Behind_a_reverse_proxy_the_login_limit_counts_each_client_address_not_the_proxy()
    {
        // nginx on the same host forwards every client from 127.0.0.1 with X-Forwarded-For.
        async Task<HttpStatusCode> AttemptAsync(string client)
        {
            using var visitor = new Visitor();
            var (_, page) = await visitor.GetAsync(portals.B.BaseUrl + "/account/login");
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Post, portals.B.BaseUrl + "/account/login")
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", TokenOf(page)), new("Account", "nobody-" + client), new("Password", "wrong")]),
            };
            request.Headers.Add("X-Forwarded-For", client);
            request.Headers.Add("Cookie", visitor.CookieHeader(portals.B.BaseUrl));
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            first.Add(await AttemptAsync("203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first.Take(5));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await AttemptAsync("203.0.113.8"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"ApplicationKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex KeyPattern();
}
