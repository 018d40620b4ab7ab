using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Steps;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>后台分类审批: routing on acceptance, department queues, exclusive claims, actions and the segment clock.</summary>
[Collection(PortalTests.Name)]
public sealed class ApprovalTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";
    private const string OutdoorSign = "000108002000";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<KeyValuePair<string, string>> WalkIn(int materials)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("ApplicantName", "张伟"), new("ApplicantIdNumber", Demo.CitizenId), new("ContactMobile", Demo.CitizenMobile), new("outcome", "accept"),
        };
        form.AddRange(IntakeHttp.WalkInAnswers);
        for (var i = 0; i < materials; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Materials[{i}].Received", "true"));
        }

        return form;
    }

    private async Task<Case> AcceptAsync(string clerkAccount, string code, int materials)
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync(clerkAccount);
        var response = await clerk.SubmitAsync($"/window/intake/{code}", $"/window/intake/{code}", WalkIn(materials));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await portal.WithDbAsync(db => db.Set<Case>().OrderByDescending(c => c.CreatedAt).FirstAsync(c => c.BasicCode == code));
    }

    private Task<List<ReviewTask>> TasksAsync(Guid caseId) =>
        portal.WithDbAsync(db => db.Set<ReviewTask>().Where(t => t.CaseId == caseId).OrderBy(t => t.Stage).ThenBy(t => t.Name).ToListAsync());

    private static async Task<HttpResponseMessage> ActAsync(Browser reviewer, Guid task, string verb, Dictionary<string, string> fields) =>
        await reviewer.SubmitAsync($"/review/tasks/{task}", $"/review/tasks/{task}/{verb}", fields);

    [Fact]
    public async Task An_accepted_case_is_routed_into_the_departments_queue_in_the_same_transaction()
    {
        var accepted = await AcceptAsync("clerk", FoodLicence, 6);

        Assert.Equal(CaseState.InReview, accepted.State);
        var tasks = await TasksAsync(accepted.Id);
        Assert.Equal(["材料审查", "审批决定"], tasks.Select(t => t.Name));
        Assert.Equal([TaskState.Open, TaskState.Waiting], tasks.Select(t => t.State));
        Assert.True(await portal.WithDbAsync(db => db.Set<CaseClock>().AnyAsync(c => c.CaseId == accepted.Id)));

        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        var queue = await reviewer.GetPageAsync("/review");
        Assert.Contains(accepted.Number!, queue, StringComparison.Ordinal);
        Assert.Contains("3611312026110300001", queue, StringComparison.Ordinal); // the demo case in review is routed too

        using var other = portal.NewBrowser();
        await other.LoginAsync("reviewer.mz");
        Assert.DoesNotContain(accepted.Number!, await other.GetPageAsync("/review"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_reviewers_claiming_the_same_step_at_once_leave_exactly_one_holder()
    {
        var accepted = await AcceptAsync("clerk", FoodLicence, 6);
        var task = (await TasksAsync(accepted.Id)).First(t => t.State == TaskState.Open);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var reviewer = new StaffPlacement(Guid.NewGuid(), $"审查员{i}", "Reviewer", "", "", null, null, task.DepartmentId, "市场监管局", null, null);
            return (reviewer.StaffId, Won: await scope.ServiceProvider.GetRequiredService<ClaimStep>().RunAsync(task.Id, reviewer, CancellationToken.None));
        }));

        var winner = Assert.Single(results, r => r.Won);
        Assert.Equal(winner.StaffId, (await TasksAsync(accepted.Id)).Single(t => t.Id == task.Id).ClaimedByStaffId);
    }

    [Fact]
    public async Task The_second_of_two_reviewers_is_told_the_step_is_taken_and_idle_claims_go_back()
    {
        var accepted = await AcceptAsync("clerk", FoodLicence, 6);
        var task = (await TasksAsync(accepted.Id)).First(t => t.State == TaskState.Open);
        using var first = portal.NewBrowser();
        await first.LoginAsync("reviewer");
        using var second = portal.NewBrowser();
        await second.LoginAsync("reviewer");

        var claims = await Task.WhenAll(
            first.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []),
            second.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []));
        Assert.Single(claims, c => c.Headers.Location!.OriginalString == $"/review/tasks/{task.Id}");
        Assert.Single(claims, c => c.Headers.Location!.OriginalString == "/review");

        portal.Clock.Advance(TimeSpan.FromHours(3));
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Approval.Jobs.ReleaseIdleClaimsJob>().RunAsync(CancellationToken.None));
        Assert.Null((await TasksAsync(accepted.Id)).Single(t => t.Id == task.Id).ClaimedByStaffId);
    }

    [Fact]
    public async Task A_reviewer_of_another_department_can_never_see_claim_or_act_on_the_step()
    {
        var accepted = await AcceptAsync("clerk", FoodLicence, 6);
        var task = (await TasksAsync(accepted.Id)).First(t => t.State == TaskState.Open);
        var file = await portal.WithDbAsync(db => db.Set<ReviewTask>().CountAsync());

        using var mz = portal.NewBrowser();
        await mz.LoginAsync("reviewer.mz");
        Assert.Equal(HttpStatusCode.NotFound, (await mz.GetAsync($"/review/tasks/{task.Id}")).StatusCode);
        foreach (var verb in new[] { "claim", "release", "pass", "return", "supplement", "special", "special-end", "extension", "transfer", "decide" })
        {
            var response = await mz.SubmitAsync("/review", $"/review/tasks/{task.Id}/{verb}", new Dictionary<string, string> { ["Opinion"] = "越权操作", ["Decision"] = "approve" });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{verb}: {response.StatusCode}");
        }

        var after = (await TasksAsync(accepted.Id)).Single(t => t.Id == task.Id);
        Assert.Equal(TaskState.Open, after.State);
        Assert.Null(after.ClaimedByStaffId);
        Assert.Equal(file, await portal.WithDbAsync(db => db.Set<ReviewTask>().CountAsync()));

        // Clerks, citizens and supervisors have no business in the queue at all.
        foreach (var account in new[] { "clerk", Demo.CitizenId, "supervisor" })
        {
            using var outsider = portal.NewBrowser();
            await outsider.LoginAsync(account);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/review/tasks/{task.Id}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_township_case_goes_through_two_county_departments_and_a_three_day_supplement_moves_every_date_by_three_working_days()
    {
        // Accepted at the 桃源 township hall on Tuesday 2026-09-29: 5 working days promised → 10-12
        // (09-30, 10-08, 10-09, the 调休 Saturday 10-10, 10-12; 国庆 10-01…10-07 skipped).
        portal.Clock.Set(new DateTimeOffset(2026, 9, 29, 9, 30, 0, China));
        var accepted = await AcceptAsync("clerk.taoyuan", OutdoorSign, 5);
        Assert.Equal(new DateOnly(2026, 10, 12), accepted.PromisedDueDate);
        var stage1 = (await TasksAsync(accepted.Id)).Where(t => t.Stage == 1).ToList();
        Assert.Equal(2, stage1.Count);
        Assert.All(stage1, t => Assert.Equal(StageMode.AllOf, t.Mode));

        // 09-30: 住建局 asks for a supplement; the applicant answers on 10-10 (10-08, 10-09, 10-10: three working days).
        portal.Clock.Set(new DateTimeOffset(2026, 9, 30, 10, 0, 0, China));
        using var zj = portal.NewBrowser();
        await zj.LoginAsync("reviewer.zj");
        var housing = stage1.Single(t => t.Name == "设置安全审查");
        await zj.SubmitAsync("/review", $"/review/tasks/{housing.Id}/claim", []);
        var asked = await ActAsync(zj, housing.Id, "supplement", new Dictionary<string, string> { ["Defects[2]"] = "设计图未标明设施尺寸和结构" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(CaseState.SupplementRequested, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.State).SingleAsync()));

        // While paused, nothing can be decided or passed.
        using var market = portal.NewBrowser();
        await market.LoginAsync("reviewer");
        var content = stage1.Single(t => t.Name == "广告内容审查");
        await market.SubmitAsync("/review", $"/review/tasks/{content.Id}/claim", []);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(market, content.Id, "pass", new() { ["Opinion"] = "广告内容合法" })).StatusCode);

        portal.Clock.Set(new DateTimeOffset(2026, 10, 10, 15, 0, 0, China));
        using (var zhang = portal.NewBrowser())
        {
            await zhang.LoginAsync(Demo.CitizenId);
            Assert.Contains("设计图未标明设施尺寸和结构", await zhang.GetPageAsync($"/my/cases/{accepted.Number}"), StringComparison.Ordinal);
            var sent = await zhang.PostMultipartAsync($"/my/cases/{accepted.Number}", $"/my/cases/{accepted.Number}/supplement", [], [TestFile.Pdf("material-2", "设计图.pdf")]);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var resumed = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == accepted.Id));
        Assert.Equal(CaseState.InReview, resumed.State);
        Assert.Equal(new DateOnly(2026, 10, 15), resumed.PromisedDueDate); // 10-12 + 3 working days
        var recomputations = await portal.WithDbAsync(db => db.Set<ClockRecomputation>().Where(r => r.CaseId == accepted.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(new DateOnly(2026, 10, 15), recomputations[^1].PromisedDue);
        Assert.Equal(3, recomputations[^1].PausedWorkingDays);

        // 会签: both departments pass, then 住建局 decides; the result waits at the township hall.
        using var zj2 = portal.NewBrowser();
        await zj2.LoginAsync("reviewer.zj");
        using var market2 = portal.NewBrowser();
        await market2.LoginAsync("reviewer");
        var page = await zj2.GetPageAsync($"/review/tasks/{housing.Id}");
        Assert.Contains("2026-10-15", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(zj2, housing.Id, "pass", new() { ["Opinion"] = "设施安全符合要求" })).StatusCode);
        Assert.Equal(TaskState.Waiting, (await TasksAsync(accepted.Id)).Single(t => t.Stage == 2).State); // waits for the other signature
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(market2, content.Id, "pass", new() { ["Opinion"] = "广告内容合法" })).StatusCode);
        var decision = (await TasksAsync(accepted.Id)).Single(t => t.Stage == 2);
        Assert.Equal(TaskState.Open, decision.State);

        await zj2.SubmitAsync("/review", $"/review/tasks/{decision.Id}/claim", []);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(zj2, decision.Id, "decide", new() { ["Opinion"] = "不符合规划", ["Decision"] = "deny" })).StatusCode); // a denial needs its legal basis
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(zj2, decision.Id, "decide", new() { ["Opinion"] = "准予设置", ["Decision"] = "approve" })).StatusCode);
        var decided = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == accepted.Id));
        Assert.Equal(CaseState.AwaitingDelivery, decided.State);
        Assert.Equal(accepted.HallId, decided.HallId);

        // The applicant's timeline names every handler with their office phone.
        using var applicant = portal.NewBrowser();
        await applicant.LoginAsync(Demo.CitizenId);
        var timeline = await applicant.GetPageAsync($"/my/cases/{accepted.Number}");
        Assert.Contains("张磊", timeline, StringComparison.Ordinal);
        Assert.Contains("0793-7321079", timeline, StringComparison.Ordinal);
        Assert.Contains("陈静", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_special_procedure_is_capped_and_an_extension_needs_the_chief_representative()
    {
        var accepted = await AcceptAsync("clerk", FoodLicence, 6);
        var task = (await TasksAsync(accepted.Id)).First(t => t.State == TaskState.Open);
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);

        var tooLong = await ActAsync(reviewer, task.Id, "special", new() { ["ProcedureType"] = "检验检测", ["Days"] = "61", ["Opinion"] = "送检" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("不得超过 60 个工作日", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var asked = await ActAsync(reviewer, task.Id, "extension", new() { ["Days"] = "5", ["Opinion"] = "需现场核查后厨布局" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var before = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.PromisedDueDate).SingleAsync());

        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        var list = await chief.GetPageAsync("/window/extensions");
        Assert.Contains(accepted.Number!, list, StringComparison.Ordinal);
        var request = await portal.WithDbAsync(db => db.Set<ClockSegmentRecord>().SingleAsync(s => s.CaseId == accepted.Id && s.State == SegmentState.Requested));
        Assert.Equal(HttpStatusCode.Redirect, (await chief.SubmitAsync("/window/extensions", $"/window/extensions/{request.Id}", new Dictionary<string, string> { ["decision"] = "grant" })).StatusCode);

        var after = await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.PromisedDueDate).SingleAsync());
        Assert.Equal(before!.Value.AddDays(7), after); // 5 working days: one week later
    }

    [Fact]
    public async Task A_denial_gives_the_applicant_a_written_decision_with_reasons_basis_and_remedies()
    {
        var accepted = await AcceptAsync("clerk", FoodLicence, 6);
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        var first = (await TasksAsync(accepted.Id)).First(t => t.Stage == 1);
        await reviewer.SubmitAsync("/review", $"/review/tasks/{first.Id}/claim", []);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(reviewer, first.Id, "pass", new() { ["Opinion"] = "" })).StatusCode); // an opinion is required
        await ActAsync(reviewer, first.Id, "pass", new() { ["Opinion"] = "材料齐全" });
        var decision = (await TasksAsync(accepted.Id)).Single(t => t.Stage == 2);
        await reviewer.SubmitAsync("/review", $"/review/tasks/{decision.Id}/claim", []);
        var denied = await ActAsync(reviewer, decision.Id, "decide", new() { ["Decision"] = "deny", ["Opinion"] = "经营场所与住宅未有效隔离", ["LegalBasis"] = "《食品经营许可和备案管理办法》第十二条" });
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);

        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        var page = await zhang.GetPageAsync($"/my/cases/{accepted.Number}");
        Assert.Contains("data-testid=\"notice-decision\"", page, StringComparison.Ordinal);
        var notice = await zhang.GetPageAsync($"/my/cases/{accepted.Number}/notices/decision");
        Assert.Contains("经营场所与住宅未有效隔离", notice, StringComparison.Ordinal);
        Assert.Contains("第十二条", notice, StringComparison.Ordinal);
        Assert.Contains("行政复议", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_saves_a_new_template_version_and_every_problem_is_named_at_once()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        Assert.Contains("材料审查", await admin.GetPageAsync($"/admin/routes/{FoodLicence}"), StringComparison.Ordinal);
        var market = await portal.WithDbAsync(db => db.Set<ReviewTask>().Select(t => t.DepartmentId).FirstAsync());

        var wrong = await admin.SubmitAsync($"/admin/routes/{FoodLicence}", $"/admin/routes/{FoodLicence}", new Dictionary<string, string>
        {
            ["rows[0].Stage"] = "1", ["rows[0].Mode"] = "One", ["rows[0].Name"] = "审查", ["rows[0].DepartmentId"] = market.ToString(), ["rows[0].LimitWorkingDays"] = "4", ["rows[0].Decides"] = "true",
            ["rows[1].Stage"] = "2", ["rows[1].Mode"] = "One", ["rows[1].Name"] = "决定", ["rows[1].DepartmentId"] = "", ["rows[1].LimitWorkingDays"] = "3",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("请选择办理部门", html, StringComparison.Ordinal);
        Assert.Contains("须有且只有一个决定环节", html, StringComparison.Ordinal);
        Assert.Contains("超过承诺时限", html, StringComparison.Ordinal);

        var saved = await admin.SubmitAsync($"/admin/routes/{FoodLicence}", $"/admin/routes/{FoodLicence}", new Dictionary<string, string>
        {
            ["rows[0].Stage"] = "1", ["rows[0].Mode"] = "One", ["rows[0].Name"] = "审查决定", ["rows[0].DepartmentId"] = market.ToString(), ["rows[0].LimitWorkingDays"] = "4", ["rows[0].Decides"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var templates = await portal.WithDbAsync(db => db.Set<RouteTemplate>().Where(t => t.BasicCode == FoodLicence).OrderBy(t => t.Version).ToListAsync());
        Assert.Equal([false, true], templates.Select(t => t.IsCurrent));
        Assert.Equal(2, templates[1].Version);

        // Cases accepted from now on get the new route; the demo case keeps its two steps.
        var accepted = await AcceptAsync("clerk", FoodLicence, 6);
        Assert.Equal(["审查决定"], (await TasksAsync(accepted.Id)).Select(t => t.Name));
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/admin/routes/{FoodLicence}")).StatusCode);
    }

    [Fact]
    public async Task The_chief_representative_decides_a_step_the_template_lets_the_chief_decide()
    {
        var accepted = await AcceptAsync("clerk", FoodLicence, 6);
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        var first = (await TasksAsync(accepted.Id)).First(t => t.Stage == 1);
        await reviewer.SubmitAsync("/review", $"/review/tasks/{first.Id}/claim", []);
        await ActAsync(reviewer, first.Id, "pass", new() { ["Opinion"] = "材料齐全" });
        var decision = (await TasksAsync(accepted.Id)).Single(t => t.Stage == 2);
        await portal.WithDbAsync(db => db.Set<ReviewTask>().Where(t => t.Id == decision.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.ChiefMayDecide, true)));

        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        Assert.Contains(accepted.Number!, await chief.GetPageAsync("/window/extensions"), StringComparison.Ordinal);
        var decided = await chief.SubmitAsync("/window/extensions", $"/window/extensions/decide/{decision.Id}", new Dictionary<string, string> { ["decision"] = "approve", ["opinion"] = "授权审批：准予许可" });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(CaseState.AwaitingDelivery, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.State).SingleAsync()));

        // A clerk or a reviewer cannot use the chief's desk.
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/window/extensions")).StatusCode);
    }
}
