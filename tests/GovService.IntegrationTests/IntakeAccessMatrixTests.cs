using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Intake;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>
/// Every route of the intake module against every kind of user: anonymous visitors are sent to log in (the
/// public status lookup answers them), a wrong role gets 403, the right role asking for someone else's object
/// gets 404 and never sees the other's data, and the owner gets the page. The refused requests change nothing
/// in the database. A route the app has but this matrix does not know fails the test, so new routes get rules.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class IntakeAccessMatrixTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private enum Who
    {
        Anonymous,
        CitizenA,
        CitizenB,

        /// <summary>A clerk of the county hall, which handles citizen A's cases.</summary>
        Clerk,

        /// <summary>A clerk of a township hall (桃源镇).</summary>
        OtherHallClerk,

        /// <summary>The chief representative of the county hall.</summary>
        Chief,
        Reviewer,
        Supervisor,
        Admin,
        Agent,
    }

    private enum Expect
    {
        /// <summary>302 to the login page.</summary>
        Login,
        Forbidden,

        /// <summary>404, and nothing of citizen A's in the body.</summary>
        NotFound,

        /// <summary>200 for anyone, without personal data.</summary>
        Public,

        /// <summary>The owner (or the staff handling the object): 200 for a page, 200 or 302 for a post.</summary>
        Allowed,

        /// <summary>200 with the requester's own view only (an empty list, a fresh form, "form expired"), nothing of citizen A's.</summary>
        OwnOnly,
    }

    private static readonly Dictionary<Who, string?> Accounts = new()
    {
        [Who.Anonymous] = null, [Who.CitizenA] = Demo.CitizenId, [Who.CitizenB] = IntakeHttp.CitizenBMobile, [Who.Clerk] = "clerk",
        [Who.OtherHallClerk] = "clerk.taoyuan", [Who.Chief] = "chief", [Who.Reviewer] = "reviewer", [Who.Supervisor] = "supervisor",
        [Who.Admin] = "admin", [Who.Agent] = "agent",
    };

    private sealed record Call(string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<TestFile> Files)
    {
        public static Call Get(string url) => new("GET", url, [], []);

        public static Call Post(string url, IReadOnlyList<KeyValuePair<string, string>>? fields = null, IReadOnlyList<TestFile>? files = null) => new("POST", url, fields ?? [], files ?? []);

        /// <summary>What the requester sent: the answer may echo it without leaking anything.</summary>
        public string Sent => Url + "\n" + string.Join("\n", Fields.Select(f => f.Value));
    }

    /// <param name="Route">"METHOD /template" exactly as the app's endpoint reports it.</param>
    /// <param name="Request">The request every user sends: aimed at citizen A's object, doing damage if it were let through.</param>
    /// <param name="AllowedRequest">What the entitled users send instead when <paramref name="Request"/> would use the object up (defaults to it).</param>
    /// <param name="Shows">Text the entitled user's page must show (their object is really there).</param>
    /// <param name="OthersSee">Text an <see cref="Expect.OwnOnly"/> answer must show.</param>
    /// <param name="AllowedAnswer">The status the entitled users' <paramref name="AllowedRequest"/> gets when it is not 200 or 302 (a validation answer).</param>
    private sealed record Rule(
        string Route,
        Func<IntakeWorld, Call> Request,
        IReadOnlyDictionary<Who, Expect> Expected,
        Func<IntakeWorld, Call>? AllowedRequest = null,
        Func<IntakeWorld, string>? Shows = null,
        string? OthersSee = null,
        HttpStatusCode? AllowedAnswer = null);

    private static Dictionary<Who, Expect> Expectations(Expect others, params (Who Who, Expect Expect)[] overrides)
    {
        var expected = Enum.GetValues<Who>().ToDictionary(w => w, w => w == Who.Anonymous ? Expect.Login : others);
        foreach (var (who, expect) in overrides)
        {
            expected[who] = expect;
        }

        return expected;
    }

    /// <summary>
    /// Citizen routes (open to citizens and to 代办员 applying on a citizen's behalf): only citizen A's own object;
    /// citizen B and the agent are answered as if it did not exist.
    /// </summary>
    private static Dictionary<Who, Expect> CitizenA(Expect others = Expect.NotFound) => Expectations(Expect.Forbidden, (Who.CitizenA, Expect.Allowed), (Who.CitizenB, others), (Who.Agent, others));

    /// <summary>Window routes: clerks and the chief representative of the county hall; the township clerk sees only their hall's cases.</summary>
    private static Dictionary<Who, Expect> CountyHall(Expect otherHall = Expect.NotFound) => Expectations(Expect.Forbidden, (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed), (Who.OtherHallClerk, otherHall));

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) => fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();

    /// <summary>An agent names the applicant (here the walk-in 王小明); citizens' forms have no such fields and ignore them.</summary>
    private static List<KeyValuePair<string, string>> OnBehalf(List<KeyValuePair<string, string>> form)
    {
        form.Add(new("ApplicantName", "王小明"));
        form.Add(new("ApplicantIdNumber", IntakeHttp.WalkInId));
        return form;
    }

    /// <summary>A complete, acceptable pre-review or continuation form for citizen A: let through, it would accept the case.</summary>
    private static List<KeyValuePair<string, string>> AcceptAll() => IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6);

    /// <summary>A form the entitled staff may post without using the case up: a required material is missing, so the page comes back with the reason.</summary>
    private static List<KeyValuePair<string, string>> MissingMaterial() => IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 3, 4, 5, 6);

    private static readonly IReadOnlyList<Rule> Rules =
    [
        // 网上申请
        new("GET /apply/{code}", w => Call.Get($"/apply/{IntakeHttp.FoodLicence}?key={w.DraftKey}&copyFrom={w.Submitted.Number}"),
            CitizenA(others: Expect.OwnOnly), Shows: w => w.DraftKey.ToString()),
        new("POST /apply/{code}", w => Call.Post($"/apply/{IntakeHttp.FoodLicence}", OnBehalf(IntakeHttp.ApplicationForm(w.DraftKey, "submit", "13700137000", "乙方想提交的经营项目")), IntakeHttp.RequiredScans().ToList()),
            CitizenA(others: Expect.OwnOnly), OthersSee: "表单已失效"),
        new("GET /apply/bundle/{code}", w => Call.Get($"/apply/bundle/{IntakeWorld.Bundle}?key={w.BundleKey}"),
            CitizenA(others: Expect.OwnOnly), Shows: _ => IntakeWorld.SecretAnswer),
        new("POST /apply/bundle/{code}", w => Call.Post($"/apply/bundle/{IntakeWorld.Bundle}", OnBehalf(IntakeHttp.ApplicationForm(w.BundleKey, "save", "13700137000", "乙方想保存的经营项目"))),
            CitizenA(others: Expect.OwnOnly), OthersSee: "表单已失效"),

        // 材料文件: its applicant and the staff of the hall handling the case; anyone else 404 as for a file that does not exist.
        new("GET /cases/files/{id:guid}", w => Call.Get($"/cases/files/{w.SubmittedFileId}"),
            Expectations(Expect.NotFound, (Who.CitizenA, Expect.Allowed), (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed))),

        // 即办件 decided by the chief representative
        new("GET /window/immediate", _ => Call.Get("/window/immediate"),
            Expectations(Expect.Forbidden, (Who.Chief, Expect.Allowed)), Shows: w => w.Immediate.Number),
        new("POST /window/immediate/{id:guid}/decide", w => Call.Post($"/window/immediate/{w.Immediate.Id}/decide", Fields(("decision", "approve"), ("opinion", "材料齐全"))),
            Expectations(Expect.Forbidden, (Who.Chief, Expect.Allowed))),

        // 统一出件 at the accepting hall (the 即办件 approved just above waits there).
        new("GET /window/delivery", _ => Call.Get("/window/delivery"),
            CountyHall(otherHall: Expect.OwnOnly), Shows: _ => "统一出件"),
        new("POST /window/delivery/{id:guid}", w => Call.Post($"/window/delivery/{w.Immediate.Id}", Fields(("method", "Pickup"), ("recipient", IntakeHttp.CitizenAName), ("recipientId", Demo.CitizenId))),
            CountyHall(), AllowedRequest: w => Call.Post($"/window/delivery/{w.Immediate.Id}", Fields(("method", "Pickup"), ("recipient", "某人"), ("recipientId", "361131200001010017"))), Shows: _ => "有效的公民身份号码", AllowedAnswer: HttpStatusCode.BadRequest),

        // 我的办件
        new("GET /my/cases", _ => Call.Get("/my/cases"),
            CitizenA(others: Expect.OwnOnly), Shows: w => w.Submitted.Number, OthersSee: "data-testid=\"no-cases\""),
        new("GET /my/cases/{number}", w => Call.Get($"/my/cases/{w.Submitted.Number}"),
            CitizenA(), Shows: w => w.SubmittedFileId.ToString()),
        new("GET /my/cases/{number}/notices/{kind}", w => Call.Get($"/my/cases/{w.WindowAccepted.Number}/notices/acceptance"),
            CitizenA(), Shows: w => w.WindowAccepted.Number),

        // 网上预审
        new("GET /window/prereview", _ => Call.Get("/window/prereview"),
            CountyHall(otherHall: Expect.OwnOnly), Shows: w => w.Submitted.Number),
        new("GET /window/prereview/{id:guid}", w => Call.Get($"/window/prereview/{w.Submitted.Id}"),
            CountyHall(), Shows: w => w.Submitted.Number),
        new("POST /window/prereview/{id:guid}", w => Call.Post($"/window/prereview/{w.Submitted.Id}", AcceptAll()),
            CountyHall(), AllowedRequest: w => Call.Post($"/window/prereview/{w.Submitted.Id}", MissingMaterial()), Shows: _ => "必要材料不齐全"),

        // 办件查询: public by number and query code
        new("GET /status", w => Call.Get($"/status?number={w.Submitted.Number}&code={w.Submitted.QueryCode}"),
            Expectations(Expect.Public, (Who.Anonymous, Expect.Public)), Shows: _ => "data-testid=\"status-result\""),
        new("GET /api/v1/cases/{number}/status", w => Call.Get($"/api/v1/cases/{w.Submitted.Number}/status?queryCode={w.Submitted.QueryCode}"),
            Expectations(Expect.Public, (Who.Anonymous, Expect.Public))),

        // 综合窗口: any clerk of any hall takes in any item (无差别受理) and continues any returning application.
        new("GET /window", _ => Call.Get("/window"),
            CountyHall(otherHall: Expect.Allowed)),
        new("GET /window/intake/{code}", _ => Call.Get($"/window/intake/{IntakeHttp.FoodLicence}"),
            CountyHall(otherHall: Expect.Allowed)),
        new("POST /window/intake/{code}", _ => Call.Post($"/window/intake/{IntakeHttp.FoodLicence}", IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6, 1, 2, 3, 4, 5, 6)),
            CountyHall(otherHall: Expect.Allowed), AllowedRequest: _ => Call.Post($"/window/intake/{IntakeHttp.FoodLicence}", IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6, 1, 3, 4, 5, 6)), Shows: _ => "必要材料不齐全"),
        new("GET /window/continue", w => Call.Get($"/window/continue?number={w.Supplement.Number}"),
            CountyHall(otherHall: Expect.Allowed), Shows: w => w.Supplement.Number),
        new("POST /window/continue/{id:guid}", w => Call.Post($"/window/continue/{w.Supplement.Id}", AcceptAll()),
            CountyHall(otherHall: Expect.Allowed), AllowedRequest: w => Call.Post($"/window/continue/{w.Supplement.Id}", MissingMaterial()), Shows: _ => "必要材料不齐全"),
        new("POST /window/deficiency/{number}", w => Call.Post($"/window/deficiency/{w.Deficient.Number}", Fields(("supplied", "6"))),
            CountyHall(otherHall: Expect.Allowed), AllowedRequest: w => Call.Post($"/window/deficiency/{w.Deficient.Number}"), Shows: _ => "全部补齐后才能转为正常受理", AllowedAnswer: HttpStatusCode.BadRequest),
        new("GET /window/cases/{id:guid}/acceptance-notice", w => Call.Get($"/window/cases/{w.WindowAccepted.Id}/acceptance-notice"),
            CountyHall(), Shows: w => w.WindowAccepted.Number),
        new("GET /window/cases/{id:guid}/supplement-notice", w => Call.Get($"/window/cases/{w.Supplement.Id}/supplement-notice"),
            CountyHall(), Shows: w => w.Supplement.Number),
        new("GET /window/cases/{id:guid}/refusal-notice", w => Call.Get($"/window/cases/{w.WindowRefused.Id}/refusal-notice"),
            CountyHall(), Shows: w => w.WindowRefused.Number),

        // Last, because the owner's request uses the object up: the supplement resubmits the application, the withdrawal closes the case.
        new("POST /my/cases/{number}/supplement", w => Call.Post($"/my/cases/{w.Supplement.Number}/supplement", files: [TestFile.Png("material-2", "营业执照.png")]),
            CitizenA()),
        new("POST /my/cases/{number}/withdraw", w => Call.Post($"/my/cases/{w.WindowAccepted.Number}/withdraw"),
            CitizenA()),
    ];

    /// <summary>Paths that belong to intake whichever module maps them.</summary>
    private static readonly string[] IntakePrefixes = ["/apply", "/my/cases", "/window", "/cases", "/status", "/api/v1/cases"];

    /// <summary>The intake routes as the running app has them, "METHOD /template": the Intake area's actions, endpoints declared in the module and anything under an intake path.</summary>
    private HashSet<string> IntakeRoutes()
    {
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
            var handler = endpoint.Metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault();
            var inIntake = (action is not null && action.RouteValues.TryGetValue("area", out var area) && area == IntakeModule.Name)
                || (handler?.DeclaringType?.Namespace ?? "").StartsWith(typeof(IntakeModule).Namespace!, StringComparison.Ordinal)
                || IntakePrefixes.Any(prefix => template == prefix || template.StartsWith(prefix + "/", StringComparison.Ordinal));
            // The back office's routes under /window (extension approvals) are the Approval module's, tested there.
            if (!inIntake || (action is not null && action.RouteValues.TryGetValue("area", out var owner) && owner != IntakeModule.Name))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
            {
                routes.Add($"{method} {template}");
            }
        }

        return routes;
    }

    [Fact]
    public void Every_intake_route_has_a_rule_for_every_kind_of_user()
    {
        var routes = IntakeRoutes();
        var ruled = Rules.Select(r => r.Route).ToList();

        Assert.True(routes.Count >= 20, $"found only {routes.Count} intake routes: is the area filter still right?");
        Assert.Equal(ruled.Count, ruled.Distinct(StringComparer.Ordinal).Count());
        var missing = routes.Except(ruled, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "intake routes without access rules (add them to IntakeAccessMatrixTests.Rules): " + string.Join(", ", missing));
        var stale = ruled.Except(routes, StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "rules for routes the app no longer has: " + string.Join(", ", stale));
        Assert.All(Rules, rule => Assert.Equal(Enum.GetValues<Who>().Length, rule.Expected.Count));
    }

    [Fact]
    public async Task Every_intake_route_answers_every_kind_of_user_as_the_rules_say_and_refusals_change_nothing()
    {
        var world = await IntakeWorld.BuildAsync(portal);
        var browsers = new Dictionary<Who, Browser>();
        var tokens = new Dictionary<Who, string>();
        try
        {
            foreach (var (who, account) in Accounts)
            {
                var browser = portal.NewBrowser();
                browsers[who] = browser;
                if (account is not null)
                {
                    await browser.LoginAsync(account);
                }

                tokens[who] = await IntakeHttp.TokenAsync(browser, account is null ? "/account/login" : "/");
            }

            var before = await IntakeHttp.SnapshotAsync(portal);
            var factsBefore = await AllFactsAsync(world);
            var failures = new List<string>();

            // 1. Everything that must be refused (or is public): nothing may change.
            foreach (var rule in Rules)
            {
                foreach (var (who, expect) in rule.Expected.Where(e => e.Value != Expect.Allowed))
                {
                    var call = rule.Request(world);
                    using var response = await SendAsync(browsers[who], tokens[who], call);
                    await CheckAsync(rule, who, expect, call, response, world, failures);
                }
            }

            Assert.Equal(factsBefore, await AllFactsAsync(world));
            Assert.Equal(before, await IntakeHttp.SnapshotAsync(portal));
            var submitted = await IntakeHttp.FactsAsync(portal, world.Submitted.Id);
            Assert.Equal((CaseState.Submitted, 5, 1), (submitted.State, submitted.Files, submitted.Steps));
            Assert.Equal(CaseState.SupplementRequested, (await IntakeHttp.FactsAsync(portal, world.Supplement.Id)).State);
            Assert.Equal(CaseState.InReview, (await IntakeHttp.FactsAsync(portal, world.WindowAccepted.Id)).State);
            Assert.Equal(CaseState.Draft, (await IntakeHttp.FactsAsync(portal, world.DraftKey)).State);
            Assert.Equal(CaseState.Accepted, (await IntakeHttp.FactsAsync(portal, world.Immediate.Id)).State);
            Assert.Equal(CaseState.AcceptedWithDeficiency, (await IntakeHttp.FactsAsync(portal, world.Deficient.Id)).State);

            // 2. The owners and the staff handling the objects get through: pages first, then the posts (which may use objects up).
            var allowed = Rules.SelectMany(rule => rule.Expected.Where(e => e.Value == Expect.Allowed).Select(e => (Rule: rule, Who: e.Key)))
                .OrderBy(a => a.Rule.Route.StartsWith("GET", StringComparison.Ordinal) ? 0 : 1)
                .ToList();
            foreach (var (rule, who) in allowed)
            {
                var call = (rule.AllowedRequest ?? rule.Request)(world);
                using var response = await SendAsync(browsers[who], tokens[who], call);
                await CheckAsync(rule, who, Expect.Allowed, call, response, world, failures);
            }

            Assert.True(failures.Count == 0, $"{failures.Count} answers break the access rules:\n" + string.Join("\n", failures));

            // The entitled posts really went through.
            Assert.Equal(CaseState.AwaitingDelivery, (await IntakeHttp.FactsAsync(portal, world.Immediate.Id)).State);
            Assert.Equal(CaseState.Submitted, (await IntakeHttp.FactsAsync(portal, world.Supplement.Id)).State);
            Assert.Equal(CaseState.Withdrawn, (await IntakeHttp.FactsAsync(portal, world.WindowAccepted.Id)).State);
            Assert.Equal(CaseState.Submitted, (await IntakeHttp.FactsAsync(portal, world.DraftKey)).State);
        }
        finally
        {
            foreach (var browser in browsers.Values)
            {
                browser.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_case_an_agent_filed_is_open_to_the_agent_the_named_citizen_and_the_hall_and_to_nobody_else()
    {
        using var agent = portal.NewBrowser();
        await agent.LoginAsync("agent");
        var key = IntakeHttp.KeyOf(await agent.GetPageAsync($"/apply/{IntakeHttp.FoodLicence}"));
        var form = IntakeHttp.ApplicationForm(key, "submit", IntakeHttp.CitizenBMobile, "代办的经营项目");
        form.Add(new("ApplicantName", "李秀英"));
        form.Add(new("ApplicantIdNumber", IntakeHttp.CitizenB));
        var authorisation = TestFile.Pdf("material-0", "授权委托书.pdf", 3000);
        var filed = await agent.PostMultipartAsync($"/apply/{IntakeHttp.FoodLicence}", $"/apply/{IntakeHttp.FoodLicence}", form, IntakeHttp.RequiredScans().Append(authorisation));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var application = await IntakeHttp.RefAsync(portal, key);
        var files = await portal.WithDbAsync(db => db.Set<CaseFile>().Where(f => f.CaseId == key).Select(f => new { f.Id, f.Position }).ToListAsync());
        var authorisationId = files.Single(f => f.Position == 0).Id;
        var scanId = files.Single(f => f.Position == 1).Id;

        var expected = new Dictionary<string, (string? Account, HttpStatusCode Status)[]>
        {
            [$"/my/cases/{application.Number}"] = [("agent", HttpStatusCode.OK), (IntakeHttp.CitizenBMobile, HttpStatusCode.OK), (Demo.CitizenId, HttpStatusCode.NotFound), ("clerk", HttpStatusCode.Forbidden), (null, HttpStatusCode.Redirect)],
            [$"/cases/files/{authorisationId}"] = [("agent", HttpStatusCode.OK), (IntakeHttp.CitizenBMobile, HttpStatusCode.OK), ("clerk", HttpStatusCode.OK), (Demo.CitizenId, HttpStatusCode.NotFound), ("clerk.taoyuan", HttpStatusCode.NotFound), ("reviewer", HttpStatusCode.NotFound)],
            [$"/cases/files/{scanId}"] = [("agent", HttpStatusCode.OK), (IntakeHttp.CitizenBMobile, HttpStatusCode.OK), ("clerk", HttpStatusCode.OK), (Demo.CitizenId, HttpStatusCode.NotFound), ("clerk.taoyuan", HttpStatusCode.NotFound)],
        };
        var failures = new List<string>();
        var browsers = new Dictionary<string, Browser>(StringComparer.Ordinal) { ["agent"] = agent };
        try
        {
            foreach (var (url, answers) in expected)
            {
                foreach (var (account, status) in answers)
                {
                    var name = account ?? "anonymous";
                    if (!browsers.TryGetValue(name, out var browser))
                    {
                        browser = portal.NewBrowser();
                        browsers[name] = browser;
                        if (account is not null)
                        {
                            await browser.LoginAsync(account);
                        }
                    }

                    using var response = await browser.GetAsync(url);
                    if (response.StatusCode != status)
                    {
                        failures.Add($"GET {url} as {name}: expected {(int)status}, got {(int)response.StatusCode} {IntakeHttp.LocationOf(response)}");
                    }
                    else if (status == HttpStatusCode.NotFound && (await response.Content.ReadAsStringAsync()).Contains("代办的经营项目", StringComparison.Ordinal))
                    {
                        failures.Add($"GET {url} as {name}: the 404 shows the application");
                    }
                }
            }

            // The named citizen cannot take over the agent's form (the matrix shows the agent cannot take over a citizen's).
            var li = browsers[IntakeHttp.CitizenBMobile];
            Assert.NotEqual(key, IntakeHttp.KeyOf(await li.GetPageAsync($"/apply/{IntakeHttp.FoodLicence}?key={key}")));
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            foreach (var browser in browsers.Where(b => b.Key != "agent").Select(b => b.Value))
            {
                browser.Dispose();
            }
        }
    }

    private async Task<IReadOnlyList<CaseFacts>> AllFactsAsync(IntakeWorld world)
    {
        var facts = new List<CaseFacts>();
        foreach (var id in new[] { world.Submitted.Id, world.Supplement.Id, world.DraftKey, world.WindowAccepted.Id, world.WindowRefused.Id, world.Deficient.Id, world.Immediate.Id })
        {
            facts.Add(await IntakeHttp.FactsAsync(portal, id));
        }

        return facts;
    }

    private static Task<HttpResponseMessage> SendAsync(Browser browser, string token, Call call) =>
        call.Method == "GET" ? browser.GetAsync(call.Url) : IntakeHttp.PostAsync(browser, token, call.Url, call.Fields, call.Files);

    private static async Task CheckAsync(Rule rule, Who who, Expect expect, Call call, HttpResponseMessage response, IntakeWorld world, List<string> failures)
    {
        var status = response.StatusCode;
        var location = IntakeHttp.LocationOf(response);
        var body = await response.Content.ReadAsStringAsync();
        var got = status == HttpStatusCode.Redirect ? $"{(int)status} → {location}" : $"{(int)status}";
        var where = $"{rule.Route} ({call.Method} {call.Url}) as {who}: expected {expect}, got {got}";

        var ok = expect switch
        {
            Expect.Login => status == HttpStatusCode.Redirect && location.StartsWith("/account/login", StringComparison.Ordinal),
            Expect.Forbidden => status == HttpStatusCode.Forbidden,
            Expect.NotFound => status == HttpStatusCode.NotFound,
            Expect.Public or Expect.OwnOnly => status == HttpStatusCode.OK,
            Expect.Allowed => status == HttpStatusCode.OK || status == rule.AllowedAnswer
                || (call.Method == "POST" && status == HttpStatusCode.Redirect && !location.StartsWith("/account/login", StringComparison.Ordinal) && !location.StartsWith("/error", StringComparison.Ordinal)),
            _ => false,
        };
        if (!ok)
        {
            failures.Add(where);
            return;
        }

        if (expect == Expect.Allowed && rule.Shows?.Invoke(world) is { } shown && status != HttpStatusCode.Redirect && !body.Contains(shown, StringComparison.Ordinal))
        {
            failures.Add($"{where}, but the page does not show \"{shown}\"");
        }

        if (expect == Expect.OwnOnly && rule.OthersSee is { } own && !body.Contains(own, StringComparison.Ordinal))
        {
            failures.Add($"{where}, but the page does not say \"{own}\"");
        }

        // Citizen A's data only for A and for the staff entitled to it; a public answer only ever has the masked name.
        if (expect != Expect.Allowed && who != Who.CitizenA)
        {
            IReadOnlyList<string> secrets = expect == Expect.Public ? [Demo.CitizenId, Demo.CitizenMobile, IntakeHttp.CitizenAName, IntakeWorld.SecretAnswer] : world.SecretsOfA;
            foreach (var leaked in secrets.Where(s => !call.Sent.Contains(s, StringComparison.Ordinal) && body.Contains(s, StringComparison.Ordinal)))
            {
                failures.Add($"{where}: the answer shows citizen A's \"{leaked}\"");
            }
        }
    }
}
