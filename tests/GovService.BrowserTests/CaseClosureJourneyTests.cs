using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>
/// Issue 26 as people live it: a citizen withdraws a case in review and the back office and the supervisors stop
/// counting it; a second 补正 goes through a supervisor before the citizen hears of it.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CaseClosureJourneyTests(PortalProcess portal)
{
    private const string Citizen = "361131198506120026";

    private static FilePayload Scan(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = GovService.Testing.SamplePdf.Build() };

    [Fact]
    public async Task A_citizen_withdraws_a_case_in_review_and_neither_the_queue_nor_a_later_sweep_keeps_it()
    {
        string number = "";
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () => number = await Journeys.AcceptFoodLicenceAsync(clerk), "Closure_journey_window_accepts");

        var reviewer = await portal.NewPageAsync();
        await Journeys.RunAsync(reviewer, async () =>
        {
            await Journeys.LoginAsync(reviewer, "reviewer");
            await reviewer.GotoAsync("/review");
            await Expect(reviewer.Locator($"[data-testid=queue-row][data-number='{number}']")).ToHaveCountAsync(1);
        }, "Closure_journey_in_the_queue");

        var citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, Citizen);
            await citizen.GotoAsync($"/my/cases/{number}");
            await citizen.GetByTestId("withdraw").ClickAsync();
            await Expect(citizen.GetByTestId("my-case-state")).ToHaveTextAsync("已撤回");
            var timeline = citizen.GetByTestId("timeline");
            await Expect(timeline).ToContainTextAsync("申请人撤回");
            await Expect(timeline).ToContainTextAsync("后台办理停止");
            await Expect(timeline).ToContainTextAsync("材料审查");
        }, "Closure_journey_citizen_withdraws");

        var reviewerAgain = await portal.NewPageAsync();
        await Journeys.RunAsync(reviewerAgain, async () =>
        {
            await Journeys.LoginAsync(reviewerAgain, "reviewer");
            await reviewerAgain.GotoAsync("/review");
            await Expect(reviewerAgain.Locator($"[data-testid=queue-row][data-number='{number}']")).ToHaveCountAsync(0);
        }, "Closure_journey_queue_forgets_it");

        // A sweep long after the promised date cards every open step; this case's step is no longer open.
        var admin = await portal.NewPageAsync();
        await Journeys.RunAsync(admin, async () =>
        {
            await Journeys.LoginAsync(admin, "admin");
            await admin.GotoAsync("/admin/supervision");
            await admin.GetByLabel("按指定日期检查（仅开发与培训环境）").FillAsync("2027-03-01");
            await admin.GetByTestId("evaluate").ClickAsync();
            await Expect(admin.GetByTestId("sweep-result")).ToContainTextAsync("2027-03-01 检查完成");
        }, "Closure_journey_admin_sweeps");

        var supervisor = await portal.NewPageAsync();
        await Journeys.RunAsync(supervisor, async () =>
        {
            await Journeys.LoginAsync(supervisor, "supervisor");
            await supervisor.GotoAsync($"/supervision/cases/{number}");
            await Expect(supervisor.Locator("h1")).ToContainTextAsync(number);
            await Expect(supervisor.GetByTestId("card")).ToHaveCountAsync(0);
        }, "Closure_journey_supervisor_sees_no_card");
    }

    [Fact]
    public async Task A_second_supplement_is_asked_by_the_reviewer_approved_by_the_supervisor_and_only_then_told_to_the_citizen()
    {
        string number = "", taskUrl = "";
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () => number = await Journeys.AcceptFoodLicenceAsync(clerk), "Second_supplement_window_accepts");

        var reviewer = await portal.NewPageAsync();
        await Journeys.RunAsync(reviewer, async () =>
        {
            await Journeys.LoginAsync(reviewer, "reviewer");
            await reviewer.GotoAsync("/review");
            await reviewer.Locator($"[data-testid=queue-row][data-number='{number}']").GetByTestId("claim").ClickAsync();
            await reviewer.GetByText("要求申请人补正").First.ClickAsync();
            await reviewer.Locator("#defect-2").FillAsync("营业执照复印件不清晰");
            await reviewer.GetByTestId("supplement").ClickAsync();
            await Expect(reviewer.GetByRole(AriaRole.Status).Filter(new() { HasText = "已办理" })).ToBeVisibleAsync();
            taskUrl = new Uri(reviewer.Url).PathAndQuery;
        }, "Second_supplement_first_request");

        var citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, Citizen);
            await citizen.GotoAsync($"/my/cases/{number}");
            await citizen.Locator("#material-2").SetInputFilesAsync(Scan("营业执照.pdf"));
            await citizen.GetByTestId("send-supplement").ClickAsync();
            await Expect(citizen.GetByTestId("todo")).ToHaveCountAsync(0);
        }, "Second_supplement_citizen_answers_the_first");

        var again = await portal.NewPageAsync();
        await Journeys.RunAsync(again, async () =>
        {
            await Journeys.LoginAsync(again, "reviewer");
            await again.GotoAsync(taskUrl);
            await again.GetByText("要求申请人补正").First.ClickAsync();
            await Expect(again.GetByTestId("second-supplement-note")).ToContainTextAsync("效能监察批准");
            await again.Locator("#defect-6").FillAsync("健康证明已过有效期");
            await again.GetByLabel("再次补正的原因").FillAsync("首次审查时未核对健康证明有效期");
            await again.GetByTestId("supplement").ClickAsync();
            await Expect(again.GetByRole(AriaRole.Status).Filter(new() { HasText = "已提交效能监察审批" })).ToBeVisibleAsync();
            await Expect(again.GetByTestId("second-supplement-pending")).ToBeVisibleAsync();
        }, "Second_supplement_reviewer_asks_again");

        // Nothing reaches the citizen before the approval.
        var waiting = await portal.NewPageAsync();
        await Journeys.RunAsync(waiting, async () =>
        {
            await Journeys.LoginAsync(waiting, Citizen);
            await waiting.GotoAsync($"/my/cases/{number}");
            await Expect(waiting.GetByTestId("my-case-state")).ToHaveTextAsync("审批中");
            await Expect(waiting.GetByTestId("todo")).ToHaveCountAsync(0);
        }, "Second_supplement_citizen_not_told_yet");

        var supervisor = await portal.NewPageAsync();
        await Journeys.RunAsync(supervisor, async () =>
        {
            await Journeys.LoginAsync(supervisor, "supervisor");
            await supervisor.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "二次补正审批" }).ClickAsync();
            await supervisor.GetByTestId("second-supplement-row").Filter(new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            await Expect(supervisor.GetByTestId("second-supplement-reason")).ToHaveTextAsync("首次审查时未核对健康证明有效期");
            await supervisor.GetByTestId("refuse-second").ClickAsync();
            await Expect(supervisor.GetByTestId("note-error")).ToContainTextAsync("不予批准须写明理由");
            await supervisor.GetByTestId("approve-second").ClickAsync();
            await Expect(supervisor.GetByRole(AriaRole.Status).Filter(new() { HasText = "已批准" })).ToBeVisibleAsync();
        }, "Second_supplement_supervisor_approves");

        var told = await portal.NewPageAsync();
        await Journeys.RunAsync(told, async () =>
        {
            await Journeys.LoginAsync(told, Citizen);
            await told.GotoAsync($"/my/cases/{number}");
            await Expect(told.GetByTestId("todo")).ToContainTextAsync("健康证明已过有效期");
            await told.GetByRole(AriaRole.Link, new() { Name = "消息", Exact = true }).ClickAsync();
            await Expect(told.GetByTestId("inbox-message").Filter(new() { HasText = number }).Filter(new() { HasText = "需要补正材料" })).ToHaveCountAsync(2);
        }, "Second_supplement_citizen_is_told");
    }
}
