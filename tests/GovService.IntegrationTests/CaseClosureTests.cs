using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>
/// Issue 26: a case that ends, ends everywhere (review steps, claims, clock, cards, 督办, reminders), driven through the
/// real transitions; a window intake is taken in exactly once; a second 补正 waits for a supervisor.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class CaseClosureTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<KeyValuePair<string, string>> WalkIn(string outcome, params int[] received)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("ApplicantName", "张伟"), new("ApplicantIdNumber", Demo.CitizenId), new("ContactMobile", Demo.CitizenMobile), new("outcome", outcome),
        };
        form.AddRange(IntakeHttp.WalkInAnswers);
        for (var i = 0; i < 6; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (received.Contains(i + 1))
            {
                form.Add(new($"Materials[{i}].Received", "true"));
            }
        }

        return form;
    }

    private async Task<Case> AcceptAsync(List<KeyValuePair<string, string>> form)
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form)).StatusCode);
        return await portal.WithDbAsync(db => db.Set<Case>().OrderByDescending(c => c.CreatedAt).FirstAsync(c => c.BasicCode == FoodLicence));
    }

    private async Task SweepAsync(DateOnly asOf)
    {
        portal.Clock.Set(new DateTimeOffset(asOf.ToDateTime(new TimeOnly(9, 5)), China));
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync(asOf, CancellationToken.None);
    }

    private static DateOnly NextWorkingDayAfter(DateOnly day)
    {
        var next = day.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }

    private Task<List<ReviewTask>> TasksAsync(Guid caseId) => portal.WithDbAsync(db => db.Set<ReviewTask>().Where(t => t.CaseId == caseId).ToListAsync());

    private Task<List<CaseStep>> StepsAsync(Guid caseId) => portal.WithDbAsync(db => db.Set<CaseStep>().Where(s => s.CaseId == caseId).OrderBy(s => s.Id).ToListAsync());

    [Fact]
    public async Task A_withdrawn_case_in_review_leaves_no_step_in_the_queue_no_open_card_or_order_and_no_new_card_after_the_sweep()
    {
        var accepted = await AcceptAsync(WalkIn("accept", 1, 2, 3, 4, 5, 6));
        var open = (await TasksAsync(accepted.Id)).Single(t => t.State == TaskState.Open);
        using (var reviewer = portal.NewBrowser())
        {
            await reviewer.LoginAsync("reviewer");
            Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync("/review", $"/review/tasks/{open.Id}/claim", [])).StatusCode);
        }

        // Overdue: red cards on the case and on its step, and a 督办 to the department.
        var late = NextWorkingDayAfter(accepted.PromisedDueDate!.Value);
        await SweepAsync(late);
        Assert.Contains(await portal.WithDbAsync(db => db.Set<Card>().Where(c => c.CaseId == accepted.Id && c.ClosedAt == null).ToListAsync()), c => c.Colour == CardColour.Red);
        Assert.NotEmpty(await portal.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.CaseId == accepted.Id && o.State == OrderState.Open).ToListAsync()));

        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Equal(HttpStatusCode.Redirect, (await zhang.SubmitAsync($"/my/cases/{accepted.Number}", $"/my/cases/{accepted.Number}/withdraw", [])).StatusCode);

        var tasks = await TasksAsync(accepted.Id);
        Assert.All(tasks, t => Assert.Equal(TaskState.Cancelled, t.State));
        Assert.All(tasks, t => Assert.Null(t.ClaimedByStaffId));
        Assert.Contains(await portal.WithDbAsync(db => db.Set<TaskAction>().Where(a => a.CaseId == accepted.Id).ToListAsync()), a => a.Action == "Cancelled" && a.TaskId == open.Id);
        Assert.All(await portal.WithDbAsync(db => db.Set<Card>().Where(c => c.CaseId == accepted.Id).ToListAsync()), c => Assert.NotNull(c.ClosedAt));
        var orders = await portal.WithDbAsync(db => db.Set<SupervisionOrder>().Where(o => o.CaseId == accepted.Id).ToListAsync());
        Assert.All(orders, o => Assert.Equal(OrderState.Moot, o.State));
        Assert.All(orders, o => Assert.Contains("撤回", o.ClosingNote, StringComparison.Ordinal));

        // The reviewer's queue no longer shows it; the timeline says why the work closed; the applicant is told.
        using (var reviewer = portal.NewBrowser())
        {
            await reviewer.LoginAsync("reviewer");
            Assert.DoesNotContain(accepted.Number!, await reviewer.GetPageAsync("/review"), StringComparison.Ordinal);
        }

        var steps = await StepsAsync(accepted.Id);
        Assert.Equal(["Withdrawn", "WorkClosed"], steps.TakeLast(2).Select(s => s.Action));
        Assert.Contains(open.Name, steps[^1].Note, StringComparison.Ordinal);
        Assert.Contains("后台办理停止", await zhang.GetPageAsync($"/my/cases/{accepted.Number}"), StringComparison.Ordinal);
        Assert.Contains(await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key == $"case-closed:{accepted.Id}").ToListAsync()), m => m.Title.Contains("已撤回", StringComparison.Ordinal));
        Assert.Single(await portal.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key == $"case-closed:{accepted.Id}" && m.Recipient == Demo.CitizenMobile).ToListAsync()));

        // The next sweeps, days later, card nothing for it.
        var cardsBefore = await portal.WithDbAsync(db => db.Set<Card>().CountAsync(c => c.CaseId == accepted.Id));
        await SweepAsync(NextWorkingDayAfter(late));
        await SweepAsync(NextWorkingDayAfter(NextWorkingDayAfter(late)));
        Assert.Equal(cardsBefore, await portal.WithDbAsync(db => db.Set<Card>().CountAsync(c => c.CaseId == accepted.Id)));
        Assert.Empty(await portal.WithDbAsync(db => db.Set<Card>().Where(c => c.CaseId == accepted.Id && c.ClosedAt == null).ToListAsync()));
    }

    [Fact]
    public async Task A_deficiency_termination_by_the_sweep_job_closes_the_review_work_and_cancels_the_queued_reminder()
    {
        var form = WalkIn("deficiency", 1, 2, 3, 4, 5); // 从业人员健康证明 (6) promised for later
        form.Add(new("DeficiencyDueDate", "2026-11-27"));
        var accepted = await AcceptAsync(form);
        Assert.Equal(CaseState.AcceptedWithDeficiency, accepted.State);
        Assert.Contains(await TasksAsync(accepted.Id), t => t.State == TaskState.Open);

        // The reminder goes out on 11-26 (queued in the outbox, not sent yet) …
        portal.Clock.Set(new DateTimeOffset(2026, 11, 26, 8, 0, 0, China));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Intake.Jobs.DeficiencyReminderJob>().RunAsync(CancellationToken.None));
        }

        Assert.Equal(OutboxState.Pending, await portal.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key == CaseClosure.DeficiencyReminderKey(accepted.Id)).Select(m => m.State).SingleAsync()));

        // … and the day after the promised date the nightly job terminates the case.
        portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 0, 30, 0, China));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<GovService.Web.Modules.Intake.Jobs.DeficiencySweepJob>().RunAsync(CancellationToken.None));
        }

        Assert.Equal(CaseState.Terminated, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.State).SingleAsync()));
        Assert.All(await TasksAsync(accepted.Id), t => Assert.Equal(TaskState.Cancelled, t.State));
        Assert.Equal(OutboxState.Cancelled, await portal.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key == CaseClosure.DeficiencyReminderKey(accepted.Id)).Select(m => m.State).SingleAsync()));
        var steps = await StepsAsync(accepted.Id);
        Assert.Equal(["Terminated", "WorkClosed"], steps.TakeLast(2).Select(s => s.Action));
        Assert.Contains("终止", steps[^1].Note, StringComparison.Ordinal);
        Assert.Single(await portal.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key == $"case-closed:{accepted.Id}").ToListAsync()));

        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        Assert.DoesNotContain(accepted.Number!, await reviewer.GetPageAsync("/review"), StringComparison.Ordinal);
        await SweepAsync(new DateOnly(2026, 12, 31));
        Assert.Empty(await portal.WithDbAsync(db => db.Set<Card>().Where(c => c.CaseId == accepted.Id).ToListAsync()));
    }

    [Fact]
    public async Task Three_parallel_posts_of_one_window_intake_make_one_case_one_number_and_one_review_task()
    {
        var key = Guid.CreateVersion7();
        var form = WalkIn("accept", 1, 2, 3, 4, 5, 6);
        form.Add(new("IntakeKey", key.ToString()));
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var before = await portal.WithDbAsync(db => db.Set<Case>().CountAsync());

        var posts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form)));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));
        Assert.All(posts, p => Assert.Equal($"/window/cases/{key}/acceptance-notice", p.Headers.Location!.OriginalString));
        Assert.Equal(before + 1, await portal.WithDbAsync(db => db.Set<Case>().CountAsync()));
        var made = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == key));
        Assert.NotNull(made.Number);
        Assert.Single(await TasksAsync(key), t => t.State == TaskState.Open);
        Assert.Single(await StepsAsync(key), s => s.Action == "Accepted");

        // A retried post later answers with the same case and its notice, telling the clerk nothing was taken in twice.
        var retried = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", form);
        Assert.Equal($"/window/cases/{key}/acceptance-notice", retried.Headers.Location!.OriginalString);
        Assert.Contains("未重复受理", await clerk.GetPageAsync(retried.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(before + 1, await portal.WithDbAsync(db => db.Set<Case>().CountAsync()));
    }

    [Fact]
    public async Task The_intake_form_carries_a_fresh_key_and_a_refused_outcome_keeps_it_for_the_corrected_post()
    {
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var page = await clerk.GetPageAsync($"/window/intake/{FoodLicence}");
        var key = System.Text.RegularExpressions.Regex.Match(page, "name=\"IntakeKey\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.True(Guid.TryParse(key, out _));
        Assert.NotEqual(key, System.Text.RegularExpressions.Regex.Match(await clerk.GetPageAsync($"/window/intake/{FoodLicence}"), "name=\"IntakeKey\" value=\"([0-9a-f-]{36})\"").Groups[1].Value);

        var missing = WalkIn("accept", 1, 2);
        missing.Add(new("IntakeKey", key));
        var refused = await clerk.SubmitAsync($"/window/intake/{FoodLicence}", $"/window/intake/{FoodLicence}", missing);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"value=\"{key}\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<Case>().AnyAsync(c => c.Id == Guid.Parse(key))));
    }

    [Fact]
    public async Task A_second_supplement_waits_for_a_supervisor_who_approves_it_and_only_then_is_the_applicant_told()
    {
        var accepted = await AcceptAsync(WalkIn("accept", 1, 2, 3, 4, 5, 6));
        var task = (await TasksAsync(accepted.Id)).Single(t => t.State == TaskState.Open);
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);

        // The first 补正 goes straight out; the applicant answers it online.
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/supplement", new Dictionary<string, string> { ["Defects[2]"] = "营业执照复印件不清晰" })).StatusCode);
        Assert.Single(await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key.StartsWith($"case:{accepted.Id}:SupplementInReview:")).ToListAsync()));
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        Assert.Equal(HttpStatusCode.Redirect, (await zhang.PostMultipartAsync($"/my/cases/{accepted.Number}", $"/my/cases/{accepted.Number}/supplement", [], [TestFile.Pdf("material-2", "营业执照.pdf")])).StatusCode);
        Assert.Equal(CaseState.InReview, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.State).SingleAsync()));

        // A second one needs a reason, then waits: nothing changes for the applicant.
        var second = new Dictionary<string, string> { ["Defects[6]"] = "健康证明已过有效期" };
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/supplement", second)).StatusCode);
        second["Opinion"] = "首次审查时未核对健康证明有效期";
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/supplement", second)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/supplement", second)).StatusCode); // one waits at a time
        var request = await portal.WithDbAsync(db => db.Set<SecondSupplementRequest>().SingleAsync(r => r.CaseId == accepted.Id));
        Assert.Equal(SecondSupplementState.Pending, request.State);
        Assert.Equal(CaseState.InReview, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.State).SingleAsync()));
        Assert.Single(await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key.StartsWith($"case:{accepted.Id}:SupplementInReview:")).ToListAsync()));
        Assert.Contains("等待效能监察审批", await reviewer.GetPageAsync($"/review/tasks/{task.Id}"), StringComparison.Ordinal);

        // The township supervisor does not see a county-hall request; a refusal needs a reason.
        using (var township = portal.NewBrowser())
        {
            await township.LoginAsync("supervisor.taoyuan");
            Assert.DoesNotContain(accepted.Number!, await township.GetPageAsync("/supervision/supplements"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/supervision/supplements/{request.Id}")).StatusCode);
        }

        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        Assert.Contains(accepted.Number!, await supervisor.GetPageAsync("/supervision/supplements"), StringComparison.Ordinal);
        Assert.Contains("首次审查时未核对健康证明有效期", await supervisor.GetPageAsync($"/supervision/supplements/{request.Id}"), StringComparison.Ordinal);
        var noReason = await supervisor.SubmitAsync($"/supervision/supplements/{request.Id}", $"/supervision/supplements/{request.Id}", new Dictionary<string, string> { ["decision"] = "refuse" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("不予批准须写明理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Two approvals at once: one decides.
        var approvals = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => supervisor.SubmitAsync($"/supervision/supplements/{request.Id}", $"/supervision/supplements/{request.Id}", new Dictionary<string, string> { ["decision"] = "approve" })));
        Assert.Contains(approvals, a => a.StatusCode == HttpStatusCode.Redirect);
        var after = await portal.WithDbAsync(db => db.Set<Case>().SingleAsync(c => c.Id == accepted.Id));
        Assert.Equal(CaseState.SupplementRequested, after.State);
        Assert.Equal(SecondSupplementState.Approved, (await portal.WithDbAsync(db => db.Set<SecondSupplementRequest>().SingleAsync(r => r.Id == request.Id))).State);
        Assert.Equal(2, (await StepsAsync(accepted.Id)).Count(s => s.Action == "SupplementInReview"));
        Assert.Single(await portal.WithDbAsync(db => db.Set<ClockSegmentRecord>().Where(s => s.CaseId == accepted.Id && s.To == null).ToListAsync()));
        Assert.Equal(2, (await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key.StartsWith($"case:{accepted.Id}:SupplementInReview:")).ToListAsync())).Count);
        Assert.Contains("健康证明已过有效期", await zhang.GetPageAsync($"/my/cases/{accepted.Number}"), StringComparison.Ordinal);
        Assert.Contains(await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key.StartsWith($"second-supplement:{request.Id}:")).ToListAsync()), m => m.Title.Contains("已批准", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_second_supplement_tells_the_reviewer_why_and_leaves_the_case_in_review()
    {
        var accepted = await AcceptAsync(WalkIn("accept", 1, 2, 3, 4, 5, 6));
        var task = (await TasksAsync(accepted.Id)).Single(t => t.State == TaskState.Open);
        using var reviewer = portal.NewBrowser();
        await reviewer.LoginAsync("reviewer");
        await reviewer.SubmitAsync("/review", $"/review/tasks/{task.Id}/claim", []);
        await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/supplement", new Dictionary<string, string> { ["Defects[2]"] = "营业执照复印件不清晰" });
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        await zhang.PostMultipartAsync($"/my/cases/{accepted.Number}", $"/my/cases/{accepted.Number}/supplement", [], [TestFile.Pdf("material-2", "营业执照.pdf")]);
        await reviewer.SubmitAsync($"/review/tasks/{task.Id}", $"/review/tasks/{task.Id}/supplement", new Dictionary<string, string> { ["Defects[1]"] = "申请书签字不全", ["Opinion"] = "签字问题首次遗漏" });
        var request = await portal.WithDbAsync(db => db.Set<SecondSupplementRequest>().SingleAsync(r => r.CaseId == accepted.Id));

        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.SubmitAsync($"/supervision/supplements/{request.Id}", $"/supervision/supplements/{request.Id}", new Dictionary<string, string> { ["decision"] = "refuse", ["note"] = "签字可在窗口当场补签，无需再次补正" })).StatusCode);

        Assert.Equal(CaseState.InReview, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == accepted.Id).Select(c => c.State).SingleAsync()));
        Assert.Equal(SecondSupplementState.Refused, (await portal.WithDbAsync(db => db.Set<SecondSupplementRequest>().SingleAsync(r => r.Id == request.Id))).State);
        Assert.Single(await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key.StartsWith($"case:{accepted.Id}:SupplementInReview:")).ToListAsync()));
        Assert.Contains(await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key.StartsWith($"second-supplement:{request.Id}:")).ToListAsync()), m => m.Body.Contains("签字可在窗口当场补签", StringComparison.Ordinal));
        Assert.Contains("签字可在窗口当场补签", await reviewer.GetPageAsync($"/review/tasks/{task.Id}"), StringComparison.Ordinal);
    }
}
