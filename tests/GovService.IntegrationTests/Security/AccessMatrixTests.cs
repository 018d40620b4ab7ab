using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.IntegrationTests.Security.Rules;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests.Security;

/// <summary>
/// The security matrix: every route of the app against every kind of user (anonymous, two citizens, the agent, a
/// clerk of each of two halls, the chief representative, a reviewer of each of two departments, a supervisor of
/// each of two regions, the administrator). Anonymous visitors are sent to log in (public pages answer them), a
/// wrong role gets 403, the right role asking for an object of another owner or scope gets 404 and never sees the
/// other's data, and the entitled get the page. Refused requests change nothing in the database; every answer
/// carries the security headers. A route the app has but the rules do not know fails the test, so new routes get
/// rules (see docs/security.md).
/// </summary>
[Collection(PortalTests.Name)]
public sealed class AccessMatrixTests(PortalFactory portal) : IAsyncLifetime
{
    /// <summary>The rules of every module; within phases, posts are sent in this order (later ones may use objects up).</summary>
    internal static readonly IReadOnlyList<Rule> Rules =
    [
        .. IntakeRules.All, .. ApprovalRules.All, .. CertificatesRules.All, .. SupervisionRules.All,
        .. OrganizationRules.All, .. CatalogRules.All, .. PlatformRules.All, .. AppointmentsRules.All, .. HallRules.All, .. AssistanceRules.All,
    ];

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static IEnumerable<(Rule Rule, Who Who, Expect Expect)> Calls(Func<Expect, bool> which) =>
        Rules.SelectMany(rule => rule.Expected.Where(e => which(e.Value)).Select(e => (rule, e.Key, e.Value)));

    [Fact]
    public void Every_route_of_the_app_has_a_rule_for_every_kind_of_user()
    {
        var routes = AccessMatrix.Routes(portal.Services);
        var ruled = Rules.Select(r => r.Route).Distinct(StringComparer.Ordinal).ToList();

        Assert.True(routes.Count >= 140, $"found only {routes.Count} routes: is the enumeration still right?");
        var twice = Rules.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "rules given twice (tell variants apart with Variant): " + string.Join(", ", twice));
        var missing = routes.Except(ruled, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "routes without access rules (add them to the module's file in Security/Rules, see docs/security.md): " + string.Join(", ", missing));
        var stale = ruled.Except(routes, StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "rules for routes the app no longer has: " + string.Join(", ", stale));
        Assert.All(Rules, rule => Assert.Equal(Enum.GetValues<Who>().Length, rule.Expected.Count));
    }

    [Fact]
    public async Task Every_route_answers_every_kind_of_user_as_its_rule_says_and_refusals_change_nothing()
    {
        var world = await AccessWorld.BuildAsync(portal);
        using var sessions = await Sessions.SignInAsync(portal);
        var before = await DatabaseFingerprint.TakeAsync(portal);
        var failures = new List<string>();

        // 1. Everything that must be refused, and the public and own-only answers: nothing may change.
        await AccessMatrix.RunAsync(Calls(e => e is not (Expect.Allowed or Expect.Self)), world, sessions, failures);
        var changed = DatabaseFingerprint.Changes(before, await DatabaseFingerprint.TakeAsync(portal));
        Assert.True(changed.Length == 0 && failures.Count == 0, $"{failures.Count} answers break the access rules:\n{string.Join("\n", failures)}\nrefused or read-only requests changed: {changed}");
        var submitted = await IntakeHttp.FactsAsync(portal, world.Submitted.Id);
        Assert.Equal((CaseState.Submitted, 5, 1), (submitted.State, submitted.Files, submitted.Steps));

        // 2. Users acting on their own things (reading all their messages) leave citizen A's alone.
        await AccessMatrix.RunAsync(Calls(e => e == Expect.Self), world, sessions, failures);
        Assert.Null(await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Id == world.MessageId).Select(m => m.ReadAt).SingleAsync()));

        // 3. The owners and the staff handling the objects get through: pages first, then the posts (which may use objects up).
        var allowed = Calls(e => e == Expect.Allowed).OrderBy(c => c.Rule.Route.StartsWith("GET", StringComparison.Ordinal) || c.Rule.Route.StartsWith("ANY", StringComparison.Ordinal) ? 0 : 1);
        await AccessMatrix.RunAsync(allowed, world, sessions, failures);
        Assert.True(failures.Count == 0, $"{failures.Count} answers break the access rules:\n" + string.Join("\n", failures));

        // The entitled posts really went through.
        Assert.Equal(CaseState.AwaitingDelivery, (await IntakeHttp.FactsAsync(portal, world.Immediate.Id)).State);
        Assert.Equal(CaseState.Submitted, (await IntakeHttp.FactsAsync(portal, world.Supplement.Id)).State);
        Assert.Equal(CaseState.Withdrawn, (await IntakeHttp.FactsAsync(portal, world.WindowAccepted.Id)).State);
        Assert.Equal(CaseState.Submitted, (await IntakeHttp.FactsAsync(portal, world.DraftKey)).State);
        Assert.Equal(SegmentState.InForce, await portal.WithDbAsync(db => db.Set<ClockSegmentRecord>().Where(s => s.Id == world.ExtensionRequestId).Select(s => s.State).SingleAsync()));
        Assert.Equal(CaseState.AwaitingDelivery, (await IntakeHttp.FactsAsync(portal, world.ChiefDecision.Id)).State);
        Assert.Equal(OrderState.Closed, await portal.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.Id == world.Order.Id).Select(o => o.State).SingleAsync()));
        Assert.Equal(RectificationState.Closed, await portal.WithDbAsync(db => db.Set<RectificationOrder>().Where(o => o.Id == world.Rectification.Id).Select(o => o.State).SingleAsync()));
        Assert.Equal([ComplaintState.Answered, ComplaintState.Answered], await portal.WithDbAsync(db => db.Set<Complaint>()
            .Where(c => c.Id == world.Complaint.Id || c.Id == world.TownshipHallComplaint.Id).Select(c => c.State).ToListAsync()));
        Assert.NotNull(await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Id == world.MessageId).Select(m => m.ReadAt).SingleAsync()));

        // …and the refused ones did not.
        // (The chief approved another food licence beside it, which leaves it valid; nobody revoked it.)
        Assert.Null(await portal.WithDbAsync(db => db.Set<Licence>().Where(l => l.Id == world.Licence.Id).Select(l => l.RevokedAt).SingleAsync()));
        var township = await portal.WithDbAsync(db => db.Set<ReviewTask>().AsNoTracking().SingleAsync(t => t.Id == world.TownshipTaskId));
        Assert.Equal((TaskState.Open, (Guid?)null), (township.State, township.ClaimedByStaffId));
        var review = await portal.WithDbAsync(db => db.Set<ReviewTask>().AsNoTracking().SingleAsync(t => t.Id == world.ReviewTaskId));
        Assert.Equal((TaskState.Open, (Guid?)null), (review.State, review.ClaimedByStaffId));
    }

    [Fact]
    public async Task Every_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        var world = await AccessWorld.BuildAsync(portal);
        using var sessions = await Sessions.SignInAsync(portal);
        var before = await DatabaseFingerprint.TakeAsync(portal);
        var failures = new List<string>();

        foreach (var rule in Rules.Where(r => r.Route.StartsWith("POST ", StringComparison.Ordinal)))
        {
            // As a user the post is meant for: the only refusal left is the missing token.
            var who = rule.Expected.Where(e => e.Value is Expect.Allowed or Expect.Self or Expect.Public).Select(e => e.Key).Order().First();
            var call = (rule.AllowedRequest ?? rule.Request)(world);
            using var response = await PostWithoutTokenAsync(sessions[who], call);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{rule.Name} as {who} without a token: expected 400, got {(int)response.StatusCode} {IntakeHttp.LocationOf(response)}");
            }
        }

        // The jobs dashboard's own forms (trigger a job now) are checked by Hangfire against the same token.
        var job = GovService.Web.Modules.Calendar.Jobs.CalendarCoverageJob.RecurringId;
        using (var trigger = await PostWithoutTokenAsync(sessions[Who.Admin], Call.Post("/ops/jobs/recurring/trigger", Expectations.Fields(("jobs[]", job)))))
        {
            if (trigger.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Forbidden))
            {
                failures.Add($"POST /ops/jobs/recurring/trigger without a token: expected 400 or 403, got {(int)trigger.StatusCode}");
            }
        }

        var changed = DatabaseFingerprint.Changes(before, await DatabaseFingerprint.TakeAsync(portal));
        Assert.True(failures.Count == 0 && changed.Length == 0, string.Join("\n", failures) + $"\nposts without a token changed: {changed}");
    }

    [Fact]
    public async Task Every_text_a_user_sends_in_a_query_a_path_or_a_form_comes_back_encoded_on_every_page()
    {
        var world = await AccessWorld.BuildAsync(portal);
        using var sessions = await Sessions.SignInAsync(portal);
        var failures = new List<string>();
        var pages = Rules.Where(r => !r.Route.StartsWith("POST ", StringComparison.Ordinal) && r.AllowedAnswer != HttpStatusCode.InternalServerError).ToList();

        // Reflected: every text parameter of every page (query string and path), as a user the page is meant for.
        foreach (var rule in pages)
        {
            var who = EntitledUser(rule);
            var call = (rule.AllowedRequest ?? rule.Request)(world);
            foreach (var url in Xss.Reflections(portal.Services, rule.Route, call.Url))
            {
                using var response = await sessions[who].GetAsync(url);
                await Xss.CheckAsync($"{rule.Name} as {who}: GET {url}", response, failures);
            }
        }

        // Reflected and stored: every form posted with the payload in each of its text fields, as a user it is meant for
        // (refused forms show what was typed; accepted ones keep it)…
        foreach (var rule in Rules.Where(r => r.Route.StartsWith("POST ", StringComparison.Ordinal)))
        {
            var who = EntitledUser(rule);
            var call = Xss.Into((rule.AllowedRequest ?? rule.Request)(world));
            var (browser, token) = rule.FreshSession ? await sessions.FreshAsync(who) : (sessions[who], sessions.Token(who));
            using var response = await AccessMatrix.SendAsync(browser, token, call);
            await Xss.CheckAsync($"{rule.Name} as {who}: POST {call.Url}", response, failures);
        }

        // …then every page, for each user it is meant for, shows whatever was kept encoded.
        foreach (var rule in pages)
        {
            foreach (var who in rule.Expected.Where(e => e.Value is Expect.Allowed or Expect.Public or Expect.OwnOnly).Select(e => e.Key).Where(w => w != Who.Anonymous || rule.Expected[w] == Expect.Public))
            {
                var call = (rule.AllowedRequest ?? rule.Request)(world);
                using var response = await sessions[who].GetAsync(call.Url);
                await Xss.CheckAsync($"{rule.Name} as {who}: GET {call.Url}", response, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A user the route is meant for: the first entitled one, else anyone it answers (anonymous visitors for a page that is nobody's).</summary>
    internal static Who EntitledUser(Rule rule) =>
        rule.Expected.Where(e => e.Value == Expect.Allowed).Select(e => e.Key).Order()
            .Concat(rule.Expected.Where(e => e.Value is Expect.Self or Expect.Public or Expect.OwnOnly).Select(e => e.Key).Order())
            .DefaultIfEmpty(Who.Anonymous)
            .First();

    private static async Task<HttpResponseMessage> PostWithoutTokenAsync(Browser browser, Call call)
    {
        if (call.Files.Count == 0)
        {
            using var plain = new FormUrlEncodedContent(call.Fields);
            return await browser.Client.PostAsync(new Uri(call.Url, UriKind.Relative), plain);
        }

        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in call.Fields)
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var file in call.Files)
        {
            form.Add(new ByteArrayContent(file.Content), file.Field, file.Name);
        }

        return await browser.Client.PostAsync(new Uri(call.Url, UriKind.Relative), form);
    }

    [Fact]
    public async Task A_case_an_agent_filed_is_open_to_the_agent_the_named_citizen_and_the_hall_and_to_nobody_else()
    {
        using var agent = portal.NewBrowser();
        await agent.LoginAsync("agent");
        var key = IntakeHttp.KeyOf(await agent.GetPageAsync($"/apply/{IntakeHttp.FoodLicence}"));
        var form = IntakeHttp.ApplicationForm(key, "submit", IntakeHttp.CitizenBMobile, "代办的经营项目");
        // 李秀英's mandate for the food licence, signed at the 桃源村 station and recorded by the agent.
        var today = portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostMultipartAsync("/agent/mandates/new", "/agent/mandates/new",
            [new("CitizenName", "李秀英"), new("CitizenIdNumber", IntakeHttp.CitizenB), new("CitizenMobile", IntakeHttp.CitizenBMobile), new("Scope", "Item"), new("ScopeCode", IntakeHttp.FoodLicence), new("StartsOn", today), new("ExpiresOn", today)],
            [TestFile.Pdf("SignedScan", "授权委托书.pdf")])).StatusCode);
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
            // 收受分离: the 桃源村 agent's filing is received by the 桃源乡 window over the village, not the county centre.
            [$"/cases/files/{authorisationId}"] = [("agent", HttpStatusCode.OK), (IntakeHttp.CitizenBMobile, HttpStatusCode.OK), ("clerk.taoyuan", HttpStatusCode.OK), (Demo.CitizenId, HttpStatusCode.NotFound), ("clerk", HttpStatusCode.NotFound), ("reviewer", HttpStatusCode.NotFound)],
            [$"/cases/files/{scanId}"] = [("agent", HttpStatusCode.OK), (IntakeHttp.CitizenBMobile, HttpStatusCode.OK), ("clerk.taoyuan", HttpStatusCode.OK), (Demo.CitizenId, HttpStatusCode.NotFound), ("clerk", HttpStatusCode.NotFound)],
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
}
