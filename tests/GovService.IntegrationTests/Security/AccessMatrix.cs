using System.Net;
using System.Text;
using GovService.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovService.IntegrationTests.Security;

/// <summary>The kinds of user every route is tried with: each role, and for the scoped ones a second holder with another scope.</summary>
public enum Who
{
    Anonymous,

    /// <summary>张伟, who owns most of the world's objects.</summary>
    CitizenA,

    /// <summary>李秀英, who owns the township (Y) objects.</summary>
    CitizenB,

    /// <summary>A 代办员 of 桃源村, who applies on citizens' behalf.</summary>
    Agent,

    /// <summary>A clerk of the county hall (hall X), which handles citizen A's cases.</summary>
    Clerk,

    /// <summary>A clerk of the 桃源 township hall (hall Y).</summary>
    OtherHallClerk,

    /// <summary>The chief representative of the county hall.</summary>
    Chief,

    /// <summary>A chief representative of the township hall: an account the world makes through the staff administration.</summary>
    OtherChief,

    /// <summary>A reviewer of 市场监管局 (department X), which decides citizen A's food licences.</summary>
    Reviewer,

    /// <summary>A reviewer of 民政局 (department Y), which decides citizen B's 低保 application.</summary>
    OtherReviewer,

    /// <summary>The county supervisor (region X: the county and every township in it).</summary>
    Supervisor,

    /// <summary>The 桃源 township supervisor (region Y).</summary>
    OtherSupervisor,

    Admin,
}

public enum Expect
{
    /// <summary>302 to the login page.</summary>
    Login,
    Forbidden,

    /// <summary>404, and nothing of the owner's in the body.</summary>
    NotFound,

    /// <summary>400: the user may post this form, but not about the owner's object; nothing of the owner's in the body.</summary>
    Refused,

    /// <summary>200 (or the rule's answer) for anyone, without personal data.</summary>
    Public,

    /// <summary>200 with the requester's own view only (an empty list, a fresh form, "form expired"), nothing of the owner's.</summary>
    OwnOnly,

    /// <summary>A post acting on the requester's own things only (read all my messages): nothing of the owner's changes.</summary>
    Self,

    /// <summary>The owner (or the staff handling the object): 200 for a page, 200 or 302 for a post.</summary>
    Allowed,
}

/// <summary>One request: a page, or a form post (multipart when there are files).</summary>
public sealed record Call(string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<TestFile> Files)
{
    public static Call Get(string url) => new("GET", url, [], []);

    public static Call Post(string url, IReadOnlyList<KeyValuePair<string, string>>? fields = null, IReadOnlyList<TestFile>? files = null) => new("POST", url, fields ?? [], files ?? []);

    /// <summary>What the requester sent: the answer may echo it without leaking anything.</summary>
    public string Sent => Uri.UnescapeDataString(Url) + "\n" + string.Join("\n", Fields.Select(f => f.Value));
}

/// <param name="Route">"METHOD /template" exactly as the app's endpoint reports it.</param>
/// <param name="Request">The request every user sends: aimed at the owner's object, doing damage if it were let through.</param>
/// <param name="Expected">The answer for each kind of user.</param>
/// <param name="AllowedRequest">What the entitled users send instead when <paramref name="Request"/> would use the object up (defaults to it).</param>
/// <param name="Shows">Text the entitled user's page must show (their object is really there).</param>
/// <param name="OthersSee">Text an <see cref="Expect.OwnOnly"/> answer must show.</param>
/// <param name="AllowedAnswer">The status the entitled (or public) users get when it is not 200 or 302 (a validation answer, a redirect, an error page).</param>
public sealed record Rule(
    string Route,
    Func<AccessWorld, Call> Request,
    IReadOnlyDictionary<Who, Expect> Expected,
    Func<AccessWorld, Call>? AllowedRequest = null,
    Func<AccessWorld, string>? Shows = null,
    string? OthersSee = null,
    HttpStatusCode? AllowedAnswer = null)
{
    /// <summary>Tells two rules for one route apart (another owner or scope of the same kind of object).</summary>
    public string? Variant { get; init; }

    /// <summary>Whose data the object is: nobody else's answer may show it.</summary>
    public Who Owner { get; init; } = Who.CitizenA;

    /// <summary>Text the page must show to one entitled user in particular (when the entitled see different things).</summary>
    public Func<AccessWorld, Who, string?>? ShowsTo { get; init; }

    /// <summary>Text no answer but the entitled users' may show (what is in their scope only: another region's hall, an unpublished draft).</summary>
    public Func<AccessWorld, string>? OthersNotSee { get; init; }

    /// <summary>The entitled request ends the session (logout): it is sent from a session of its own.</summary>
    public bool FreshSession { get; init; }

    public string Name => Variant is null ? Route : $"{Route} [{Variant}]";
}

/// <summary>Builds expectation tables: anonymous visitors are sent to log in unless said otherwise.</summary>
public static class Expectations
{
    public static Dictionary<Who, Expect> Of(Expect others, params (Who Who, Expect Expect)[] overrides)
    {
        var expected = Enum.GetValues<Who>().ToDictionary(w => w, w => w == Who.Anonymous ? Expect.Login : others);
        foreach (var (who, expect) in overrides)
        {
            expected[who] = expect;
        }

        return expected;
    }

    /// <summary>The same answer for everyone, anonymous included.</summary>
    public static Dictionary<Who, Expect> Everyone(Expect expect) => Enum.GetValues<Who>().ToDictionary(w => w, _ => expect);

    public static Dictionary<Who, Expect> AdminOnly() => Of(Expect.Forbidden, (Who.Admin, Expect.Allowed));

    /// <summary>Every signed-in user: the owner allowed, the others their own view.</summary>
    public static Dictionary<Who, Expect> SignedIn(Who owner, Expect others) => Of(others, (owner, Expect.Allowed));

    public static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) => fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
}

/// <summary>One signed-in browser per kind of user, with an antiforgery token for its forms.</summary>
public sealed class Sessions : IDisposable
{
    public static readonly IReadOnlyDictionary<Who, string?> Accounts = new Dictionary<Who, string?>
    {
        [Who.Anonymous] = null, [Who.CitizenA] = Demo.CitizenId, [Who.CitizenB] = IntakeHttp.CitizenBMobile, [Who.Agent] = "agent",
        [Who.Clerk] = "clerk", [Who.OtherHallClerk] = "clerk.taoyuan", [Who.Chief] = "chief", [Who.OtherChief] = AccessWorld.OtherChiefAccount, [Who.Reviewer] = "reviewer",
        [Who.OtherReviewer] = "reviewer.mz", [Who.Supervisor] = "supervisor", [Who.OtherSupervisor] = "supervisor.taoyuan", [Who.Admin] = "admin",
    };

    private readonly PortalFactory _portal;
    private readonly Dictionary<Who, (Browser Browser, string Token)> _sessions = [];
    private readonly List<Browser> _spare = [];

    private Sessions(PortalFactory portal) => _portal = portal;

    public static async Task<Sessions> SignInAsync(PortalFactory portal)
    {
        var sessions = new Sessions(portal);
        foreach (var who in Accounts.Keys)
        {
            sessions._sessions[who] = await sessions.OpenAsync(who);
        }

        return sessions;
    }

    public Browser this[Who who] => _sessions[who].Browser;

    public string Token(Who who) => _sessions[who].Token;

    /// <summary>A new session of its own (for requests that end it).</summary>
    public async Task<(Browser Browser, string Token)> FreshAsync(Who who)
    {
        var session = await OpenAsync(who);
        _spare.Add(session.Browser);
        return session;
    }

    private async Task<(Browser Browser, string Token)> OpenAsync(Who who)
    {
        var browser = _portal.NewBrowser();
        var account = Accounts[who];
        if (account is not null)
        {
            await browser.LoginAsync(account, who == Who.OtherChief ? AccessWorld.OtherChiefPassword : Demo.Password);
        }

        return (browser, await IntakeHttp.TokenAsync(browser, account is null ? "/account/login" : "/"));
    }

    public void Dispose()
    {
        foreach (var browser in _sessions.Values.Select(s => s.Browser).Concat(_spare))
        {
            browser.Dispose();
        }
    }
}

/// <summary>
/// Runs access rules against a world: every answer is checked against its expectation, for leaks of the owner's
/// data and for the security headers, and failures are collected (all of them, so one run shows every hole).
/// </summary>
public static class AccessMatrix
{
    public static readonly string[] SecurityHeaders = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"];

    /// <summary>Every route of the running app, "METHOD /template" (endpoints that only generate links are not routes).</summary>
    public static HashSet<string> Routes(IServiceProvider services)
    {
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>() is { SuppressMatching: true })
            {
                continue;
            }

            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            {
                routes.Add($"{method} {template}");
            }
        }

        return routes;
    }

    public static Task<HttpResponseMessage> SendAsync(Browser browser, string token, Call call) =>
        call.Method == "GET" ? browser.GetAsync(call.Url) : IntakeHttp.PostAsync(browser, token, call.Url, call.Fields, call.Files);

    /// <summary>Sends each rule's request as each user, in the given order, and checks each answer.</summary>
    public static async Task RunAsync(IEnumerable<(Rule Rule, Who Who, Expect Expect)> calls, AccessWorld world, Sessions sessions, List<string> failures)
    {
        foreach (var (rule, who, expect) in calls)
        {
            var call = expect is Expect.Allowed or Expect.Self ? (rule.AllowedRequest ?? rule.Request)(world) : rule.Request(world);
            var (browser, token) = expect is Expect.Allowed or Expect.Self && rule.FreshSession ? await sessions.FreshAsync(who) : (sessions[who], sessions.Token(who));
            using var response = await SendAsync(browser, token, call);
            await CheckAsync(rule, who, expect, call, response, world, failures);
        }
    }

    private static async Task CheckAsync(Rule rule, Who who, Expect expect, Call call, HttpResponseMessage response, AccessWorld world, List<string> failures)
    {
        var status = response.StatusCode;
        var location = IntakeHttp.LocationOf(response);
        var body = await response.Content.ReadAsStringAsync();
        var got = status == HttpStatusCode.Redirect ? $"{(int)status} → {location}" : $"{(int)status}";
        var where = $"{rule.Name} ({call.Method} {call.Url}) as {who}: expected {expect}, got {got}";

        var redirectAfterPost = call.Method == "POST" && status == HttpStatusCode.Redirect
            && !location.StartsWith("/account/login", StringComparison.Ordinal) && !location.StartsWith("/error", StringComparison.Ordinal);
        var ok = expect switch
        {
            Expect.Login => status == HttpStatusCode.Redirect && location.StartsWith("/account/login", StringComparison.Ordinal),
            Expect.Forbidden => status == HttpStatusCode.Forbidden,
            Expect.NotFound => status == HttpStatusCode.NotFound,
            Expect.Refused => status == HttpStatusCode.BadRequest,
            Expect.Public or Expect.OwnOnly => status == HttpStatusCode.OK || status == rule.AllowedAnswer,
            Expect.Allowed or Expect.Self => status == HttpStatusCode.OK || status == rule.AllowedAnswer || redirectAfterPost,
            _ => false,
        };
        if (!ok)
        {
            failures.Add(where);
            return;
        }

        foreach (var header in SecurityHeaders.Where(h => !response.Headers.Contains(h)))
        {
            failures.Add($"{where}: no {header} header");
        }

        var shown = expect == Expect.Allowed && status == HttpStatusCode.OK ? rule.ShowsTo?.Invoke(world, who) ?? rule.Shows?.Invoke(world) : null;
        if (shown is not null && !body.Contains(shown, StringComparison.Ordinal))
        {
            failures.Add($"{where}, but the page does not show \"{shown}\"");
        }

        if (expect == Expect.OwnOnly && rule.OthersSee is { } own && !body.Contains(own, StringComparison.Ordinal))
        {
            failures.Add($"{where}, but the page does not say \"{own}\"");
        }

        if (expect is not (Expect.Allowed or Expect.Self) && rule.OthersNotSee?.Invoke(world) is { } scoped && body.Contains(scoped, StringComparison.Ordinal))
        {
            failures.Add($"{where}: the answer shows \"{scoped}\", which is out of this user's scope");
        }

        // The owner's data only for the owner and the staff entitled to it; a public answer only ever has masked personal data.
        if (expect is not (Expect.Allowed or Expect.Self) && who != rule.Owner)
        {
            var secrets = expect == Expect.Public ? AccessWorld.PersonalDataOf(rule.Owner) : world.SecretsOf(rule.Owner);
            foreach (var leaked in secrets.Where(s => !call.Sent.Contains(s, StringComparison.Ordinal) && body.Contains(s, StringComparison.Ordinal)))
            {
                failures.Add($"{where}: the answer shows {rule.Owner}'s \"{leaked}\"");
            }
        }
    }
}

/// <summary>
/// A fingerprint of every row of every table: comparing two shows any change at all, and where. Built by the database
/// itself (one hash per table over its rows in text form), so it costs one round trip.
/// </summary>
public static class DatabaseFingerprint
{
    private const string Sql = """
        SELECT table_schema || '.' || table_name,
               (xpath('/row/h/text()', query_to_xml(format('SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS h FROM %I.%I t', '|', '', table_schema, table_name), false, true, '')))[1]::text
        FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1
        """;

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(PortalFactory portal)
    {
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }

        return tables;
    }

    /// <summary>The tables whose rows differ, as a readable list (empty when nothing changed).</summary>
    public static string Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changed = new StringBuilder();
        foreach (var table in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            if (before.GetValueOrDefault(table) != after.GetValueOrDefault(table))
            {
                changed.Append(table).Append(' ');
            }
        }

        return changed.ToString().Trim();
    }
}
