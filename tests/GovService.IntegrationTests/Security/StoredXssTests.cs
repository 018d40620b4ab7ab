using System.Globalization;
using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using static GovService.IntegrationTests.Security.Expectations;

namespace GovService.IntegrationTests.Security;

/// <summary>
/// Stored cross-site scripting: a script and an image handler typed into every free-text field users save —
/// application answers, applicants' names, refusal reasons, opinions, supplement requests, decisions,
/// complaints and answers, ratings, rectification feedback and appeals, supervision answers and orders,
/// revocation reasons, reasons for opening a licence, catalog items, materials and fields, windows, halls,
/// departments, staff titles, routing steps, card rules, a citizen's own name — each marked with its own
/// number, and every page that shows the field shows that number's probe as text.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class StoredXssTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Breaks out of an attribute into a script, then an image handler: 55 characters.</summary>
    private static string Probe(int n) => $"\"><script>alert({n})</script><img src=x onerror=alert({n})>";

    /// <summary>The image handler alone, for fields of at most 50 characters (names).</summary>
    private static string ShortProbe(int n) => $"<img src=x onerror=alert({n})>";

    /// <summary>How a page shows probe <paramref name="n"/> as text.</summary>
    private static string Shown(int n) => $"&lt;img src=x onerror=alert({n})&gt;";

    [Fact]
    public async Task Every_free_text_users_save_is_shown_as_text_on_every_page_that_shows_it()
    {
        var world = await AccessWorld.BuildAsync(portal);
        using var sessions = await Sessions.SignInAsync(portal);
        var shows = new List<(Who Who, string Url, int Probe)>();
        var saved = new List<string>();

        async Task Save(Who who, string url, params (string, string)[] fields)
        {
            using var response = await IntakeHttp.PostAsync(sessions[who], sessions.Token(who), url, Fields(fields));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                saved.Add($"POST {url} as {who}: {(int)response.StatusCode}");
            }
        }

        async Task<Guid> TaskOf(Guid caseId, int stage) =>
            await portal.WithDbAsync(db => db.Set<ReviewTask>().Where(t => t.CaseId == caseId && t.Stage == stage && t.State == TaskState.Open).Select(t => t.Id).SingleAsync());

        // Intake: an online application's answer (1), a walk-in's name (2), a refusal's reason (3) and basis (4).
        var online = IntakeHttp.KeyOf(await sessions[Who.CitizenA].GetPageAsync($"/apply/{IntakeHttp.FoodLicence}"));
        using (var response = await sessions[Who.CitizenA].PostMultipartAsync($"/apply/{IntakeHttp.FoodLicence}", $"/apply/{IntakeHttp.FoodLicence}",
            IntakeHttp.ApplicationForm(online, "submit", Demo.CitizenMobile, Probe(1)), IntakeHttp.RequiredScans()))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await Save(Who.Clerk, $"/window/prereview/{online}", [.. IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6).Select(f => (f.Key, f.Value))]);
        shows.Add((Who.Reviewer, $"/review/tasks/{await TaskOf(online, 1)}", 1));
        var walkIn = await IntakeHttp.WindowIntakeAsync(portal, sessions[Who.Clerk], IntakeHttp.FoodLicence, IntakeHttp.WindowForm(ShortProbe(2), IntakeHttp.WalkInId, "13700137000", 6, 1, 2, 3, 4, 5, 6));
        shows.Add((Who.Clerk, $"/window/cases/{walkIn.Id}/acceptance-notice", 2));
        shows.Add((Who.Reviewer, $"/review/tasks/{await TaskOf(walkIn.Id, 1)}", 2));
        shows.Add((Who.Reviewer, "/review", 2));
        var refusal = IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6);
        refusal.AddRange(Fields(("outcome", "refuse"), ("RefusalReason", Probe(3)), ("RefusalBasis", Probe(4))));
        var refused = await IntakeHttp.WindowIntakeAsync(portal, sessions[Who.Clerk], IntakeHttp.FoodLicence, refusal);
        shows.Add((Who.Clerk, $"/window/cases/{refused.Id}/refusal-notice", 3));
        shows.Add((Who.Clerk, $"/window/cases/{refused.Id}/refusal-notice", 4));

        // Approval: an opinion (5), a supplement request (6), an extension's reason (7), a denial's opinion (8) and legal basis (9).
        await Save(Who.Reviewer, $"/review/tasks/{world.ReviewTaskId}/claim");
        await Save(Who.Reviewer, $"/review/tasks/{world.ReviewTaskId}/pass", ("Opinion", Probe(5)));
        shows.Add((Who.Reviewer, $"/review/tasks/{world.ReviewTaskId}", 5));
        shows.Add((Who.CitizenA, $"/my/cases/{world.Review.Number}", 5));
        var second = await TaskOf(world.Review.Id, 2);
        await Save(Who.Reviewer, $"/review/tasks/{second}/claim");
        await Save(Who.Reviewer, $"/review/tasks/{second}/supplement", ("Defects[2]", Probe(6)));
        shows.Add((Who.CitizenA, $"/my/cases/{world.Review.Number}", 6));
        var walkInTask = await TaskOf(walkIn.Id, 1);
        await Save(Who.Reviewer, $"/review/tasks/{walkInTask}/claim");
        await Save(Who.Reviewer, $"/review/tasks/{walkInTask}/extension", ("Days", "3"), ("Opinion", Probe(7)));
        shows.Add((Who.Chief, "/window/extensions", 7));
        await Save(Who.Reviewer, $"/review/tasks/{world.ChiefTaskId}/claim");
        await Save(Who.Reviewer, $"/review/tasks/{world.ChiefTaskId}/decide", ("Decision", "deny"), ("Opinion", Probe(8)), ("LegalBasis", Probe(9)));
        shows.Add((Who.CitizenA, $"/my/cases/{world.ChiefDecision.Number}/notices/decision", 8));
        shows.Add((Who.CitizenA, $"/my/cases/{world.ChiefDecision.Number}/notices/decision", 9));

        // Supervision: a complaint's title (10), text (11) and respondent (12); its answer (13); a rating's comment (14);
        // rectification feedback (15, 16) and an appeal (17); a supervision order's answer (18) and a hand-made order (19).
        await Save(Who.CitizenA, "/my/complaints", ("Subject", $"case:{world.Extension.Number}"), ("Title", Probe(10)), ("Content", Probe(11)), ("Respondent", Probe(12)));
        var complaint = await portal.WithDbAsync(db => db.Set<Complaint>().Where(c => c.CaseNumber == world.Extension.Number).Select(c => c.Id).SingleAsync());
        foreach (var n in new[] { 10, 11, 12 })
        {
            shows.Add((Who.Reviewer, $"/supervision/complaints/{complaint}", n));
        }

        shows.Add((Who.CitizenA, "/my/complaints", 10));
        shows.Add((Who.Supervisor, "/supervision/complaints", 10));
        await Save(Who.Reviewer, $"/supervision/complaints/{world.Complaint.Id}/answer", ("answer", Probe(13)));
        shows.Add((Who.CitizenA, "/my/complaints", 13));
        shows.Add((Who.CitizenA, "/inbox", 13));
        var rating = $"/my/cases/{world.Finished.Number}/rating";
        await Save(Who.CitizenA, rating, ("step", world.FinishedWindowStepId.ToString(CultureInfo.InvariantCulture)), ("level", "5"), ("comment", Probe(14)));
        var secondOrder = await portal.WithDbAsync(db => db.Set<RectificationOrder>().Where(o => o.CaseId == world.Finished.Id && o.Id != world.Rectification.Id).Select(o => o.Id).SingleAsync());
        shows.Add((Who.Supervisor, "/supervision/ratings", 14));
        shows.Add((Who.Clerk, $"/supervision/rectifications/{secondOrder}", 14)); // the window visit was rated: the hall answers
        shows.Add((Who.CitizenA, rating, 14));
        await Save(Who.Reviewer, $"/supervision/rectifications/{world.Rectification.Id}/feedback", ("callback", Probe(15)), ("rectification", Probe(16)));
        shows.Add((Who.Reviewer, $"/supervision/rectifications/{world.Rectification.Id}", 15));
        shows.Add((Who.CitizenA, rating, 16));
        await Save(Who.Clerk, $"/supervision/rectifications/{secondOrder}/appeal", ("reason", Probe(17)));
        shows.Add((Who.Supervisor, $"/supervision/rectifications/{secondOrder}", 17));
        await Save(Who.Reviewer, $"/supervision/orders/{world.Order.Id}/answer", ("result", Probe(18)));
        shows.Add((Who.Supervisor, $"/supervision/orders/{world.Order.Id}", 18));
        shows.Add((Who.Supervisor, $"/supervision/cases/{world.Review.Number}", 18));
        await Save(Who.Supervisor, $"/supervision/orders/from-card/{world.CardId}", ("content", Probe(19)));
        var manual = await portal.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.RuleCode == "MANUAL").Select(o => o.Id).SingleAsync());
        shows.Add((Who.Reviewer, $"/supervision/orders/{manual}", 19));

        // Certificates: a revocation's reason (20), shown to anyone verifying; the reason staff give for opening a licence (21).
        (await sessions[Who.Clerk].GetAsync($"/licences/{world.Licence.Id}?reason={Uri.EscapeDataString(Probe(21))}")).Dispose();
        await Save(Who.Reviewer, $"/licences/{world.Licence.Id}/revoke", ("reason", Probe(20)));
        shows.Add((Who.Anonymous, $"/verify/{world.Licence.Identifier}?code={world.Licence.VerificationCode}", 20));
        shows.Add((Who.CitizenA, $"/licences/{world.Licence.Id}", 20));
        shows.Add((Who.CitizenA, $"/licences/{world.Licence.Id}", 21));

        // Catalog: a new item's name (22), a material's name (23) and instructions (24); a field's label (25) and help (26),
        // published on the food licence's form.
        const string Code = "000199950000";
        await Save(Who.Admin, "/admin/catalog/new", ("BasicCode", Code), ("Name", Probe(22)), ("DepartmentId", world.MarketDepartmentId.ToString()), ("Level", "4"));
        await Save(Who.Admin, $"/admin/catalog/{Code}/materials", ("NewMaterial.Name", Probe(23)), ("NewMaterial.Instructions", Probe(24)), ("NewMaterial.Source", "Applicant"), ("NewMaterial.Originals", "1"));
        shows.Add((Who.Admin, "/admin/catalog", 22));
        shows.Add((Who.Admin, $"/admin/catalog/{Code}/edit", 22));
        shows.Add((Who.Admin, $"/admin/catalog/{Code}/edit", 23));
        shows.Add((Who.Admin, $"/admin/catalog/{Code}/preview", 23));
        shows.Add((Who.Admin, $"/admin/catalog/{Code}/preview", 24));
        await Save(Who.Admin, $"/admin/catalog/{IntakeHttp.FoodLicence}/draft");
        await Save(Who.Admin, $"/admin/catalog/{IntakeHttp.FoodLicence}/fields", ("NewField.Key", "probe"), ("NewField.Label", Probe(25)), ("NewField.Help", Probe(26)), ("NewField.Kind", "Text"));
        await Save(Who.Admin, $"/admin/catalog/{IntakeHttp.FoodLicence}/publish");
        shows.Add((Who.CitizenA, $"/apply/{IntakeHttp.FoodLicence}", 25));
        shows.Add((Who.CitizenA, $"/apply/{IntakeHttp.FoodLicence}", 26));

        // Organisation: a window's name (27), a hall's address (28) and opening hours (29), a department's address (30), a title (31).
        await Save(Who.Admin, $"/admin/halls/{world.CountyHallId}/windows", ("NewWindow.Number", "66"), ("NewWindow.Name", ShortProbe(27)), ("NewWindow.Category", "Comprehensive"));
        var hall = await portal.WithDbAsync(db => db.Set<ServiceHall>().AsNoTracking().SingleAsync(h => h.Id == world.CountyHallId));
        await Save(Who.Admin, "/admin/halls/save", ("Hall.Id", hall.Id.ToString()), ("Hall.Version", V(hall.Version)), ("Hall.Name", hall.Name), ("Hall.Kind", hall.Kind.ToString()),
            ("Hall.RegionId", hall.RegionId.ToString()), ("Hall.Address", Probe(28)), ("Hall.Phone", hall.Phone), ("Hall.OpeningHours", Probe(29)));
        var department = await portal.WithDbAsync(db => db.Set<Department>().AsNoTracking().SingleAsync(d => d.Id == world.MarketDepartmentId));
        await Save(Who.Admin, "/admin/departments/save", ("Id", department.Id.ToString()), ("Version", V(department.Version)), ("Name", department.Name), ("ShortName", department.ShortName),
            ("CreditCode", department.CreditCode), ("RegionId", department.RegionId.ToString()), ("Phone", department.Phone), ("Address", Probe(30)));
        var staff = world.ReviewerStaff;
        await Save(Who.Admin, $"/admin/staff/{staff.Id}", ("Name", staff.Name), ("Role", staff.Role), ("Title", ShortProbe(31)), ("OfficePhone", staff.OfficePhone),
            ("DepartmentId", staff.DepartmentId!.Value.ToString()), ("Version", V(staff.Version)));
        shows.Add((Who.Clerk, "/workplace", 27));
        shows.Add((Who.Admin, $"/admin/halls/{world.CountyHallId}", 27));
        shows.Add((Who.Clerk, "/workplace", 28));
        shows.Add((Who.Clerk, "/workplace", 29));
        shows.Add((Who.Admin, $"/admin/departments/{world.MarketDepartmentId}", 30));
        shows.Add((Who.Reviewer, "/workplace", 31));
        shows.Add((Who.Admin, $"/admin/staff/{staff.Id}", 31));

        // Administration: a routing step's name (32) and a card rule's step (33).
        await Save(Who.Admin, $"/admin/routes/{IntakeHttp.FoodLicence}", ("rows[0].Stage", "1"), ("rows[0].Mode", "One"), ("rows[0].Name", Probe(32)),
            ("rows[0].DepartmentId", world.MarketDepartmentId.ToString()), ("rows[0].LimitWorkingDays", "4"), ("rows[0].Decides", "true"));
        shows.Add((Who.Admin, $"/admin/routes/{IntakeHttp.FoodLicence}", 32));
        await Save(Who.Admin, "/admin/supervision/rules", ("basicCode", IntakeHttp.FoodLicence), ("stepName", Probe(33)), ("yellowPercent", "60"));
        shows.Add((Who.Admin, "/admin/supervision", 33));

        // Accounts: a citizen registering under their own name (34) sees it on their pages.
        using var newcomer = portal.NewBrowser();
        using (var registered = await newcomer.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["RealName"] = ShortProbe(34), ["IdNumber"] = "361131200001010016", ["Mobile"] = "13700137002", ["Password"] = "Yunxi2026pass", ["ConfirmPassword"] = "Yunxi2026pass", ["AcceptTerms"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        Assert.True(saved.Count == 0, "these saves were refused, so their pages prove nothing:\n" + string.Join("\n", saved));
        var failures = new List<string>();
        foreach (var (who, url, n) in shows)
        {
            using var response = await sessions[who].GetAsync(url);
            await Xss.CheckAsync($"GET {url} as {who}", response, failures);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK && !(response.StatusCode == HttpStatusCode.NotFound && url.StartsWith("/verify/", StringComparison.Ordinal)))
            {
                failures.Add($"GET {url} as {who}: {(int)response.StatusCode}");
            }
            else if (!body.Contains(Shown(n), StringComparison.Ordinal))
            {
                failures.Add($"GET {url} as {who}: probe {n} is not shown as text");
            }
        }

        foreach (var url in new[] { "/", "/account/me" })
        {
            using var response = await newcomer.GetAsync(url);
            await Xss.CheckAsync($"GET {url} as the newcomer", response, failures);
            if (!(await response.Content.ReadAsStringAsync()).Contains(Shown(34), StringComparison.Ordinal))
            {
                failures.Add($"GET {url} as the newcomer: probe 34 is not shown as text");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string V(uint version) => version.ToString(CultureInfo.InvariantCulture);
}
