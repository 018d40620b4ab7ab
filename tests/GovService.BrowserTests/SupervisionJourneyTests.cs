using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>效能监察 as it is lived: a case runs late, the sweep cards it, the department head answers the 督办, the supervisor reads the story.</summary>
[Collection(BrowserTests.Name)]
public sealed class SupervisionJourneyTests(PortalProcess portal)
{
    [Fact]
    public async Task A_late_case_is_carded_the_head_answers_the_order_and_the_supervisor_sees_it_all()
    {
        string number = "";
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            number = await Journeys.AcceptFoodLicenceAsync(clerk);
        }, "Supervision_journey_window_accepts");

        // The administrator runs the sweep as of a day long after the promised date (training setting).
        var admin = await portal.NewPageAsync();
        await Journeys.RunAsync(admin, async () =>
        {
            await Journeys.LoginAsync(admin, "admin");
            await admin.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "红黄牌规则" }).ClickAsync();
            await admin.GetByLabel("按指定日期检查（仅开发与培训环境）").FillAsync("2027-03-01");
            await admin.GetByTestId("evaluate").ClickAsync();
            await Expect(admin.GetByTestId("sweep-result")).ToContainTextAsync("2027-03-01 检查完成");
            await admin.GetByTestId("refresh-figures").ClickAsync(); // what the figures job does every five minutes
            await Expect(admin.GetByTestId("figures-result")).ToBeVisibleAsync();
        }, "Supervision_journey_admin_sweeps");

        var head = await portal.NewPageAsync();
        await Journeys.RunAsync(head, async () =>
        {
            await Journeys.LoginAsync(head, "head.scjg");
            await head.GetByRole(AriaRole.Link, new() { Name = "消息", Exact = true }).ClickAsync();
            var message = head.GetByTestId("inbox-message").Filter(new() { HasText = "督办单" }).Filter(new() { HasText = number });
            await message.First.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
            await Expect(head.GetByTestId("order")).ToContainTextAsync(number); // the first order in the inbox may be the step's or the promised deadline's
            await head.GetByLabel("回复督办（超时原因、整改措施、办结时间）").FillAsync("专家评审排期延误，已于当日完成审查并作出决定。");
            await head.GetByTestId("answer").ClickAsync();
            await Expect(head.GetByTestId("order-state")).ToContainTextAsync("已回复");
        }, "Supervision_journey_head_answers");

        var supervisor = await portal.NewPageAsync();
        await Journeys.RunAsync(supervisor, async () =>
        {
            await Journeys.LoginAsync(supervisor, "supervisor");
            await supervisor.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "监察看板" }).ClickAsync();
            await Expect(supervisor.Locator("h1")).ToContainTextAsync("监察看板");
            await Expect(supervisor.GetByTestId("chart-departments")).ToContainTextAsync("云溪县市场监督管理局");

            // Beside the chart, the table per department carries the chart's very numbers and the department's case figures.
            var bar = supervisor.Locator("[data-testid=department-cards][data-name='云溪县市场监督管理局']");
            var row = supervisor.Locator("[data-testid=department-row][data-name='云溪县市场监督管理局']");
            await Expect(row).ToBeVisibleAsync();
            await Expect(row.Locator("[data-col=yellow]")).ToHaveTextAsync((await bar.GetAttributeAsync("data-yellow"))!);
            await Expect(row.Locator("[data-col=red]")).ToHaveTextAsync((await bar.GetAttributeAsync("data-red"))!);
            await Expect(row.Locator("[data-col=open]")).Not.ToHaveTextAsync("—");

            // The red figure and its list agree.
            var red = int.Parse(await supervisor.GetByTestId("kpi-red").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await supervisor.GetByTestId("kpi-red").ClickAsync();
            await Expect(supervisor.GetByTestId("carded-case")).ToHaveCountAsync(red);
            await supervisor.Locator($"[data-testid=carded-case][data-number='{number}']").First.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            await Expect(supervisor.GetByTestId("case-orders")).ToContainTextAsync("专家评审排期延误");
            await Expect(supervisor.GetByTestId("cards")).ToContainTextAsync("红牌");

            // The order says which rule opened it in words, not by its code.
            await supervisor.GetByTestId("case-orders").GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(supervisor.GetByTestId("order-rule")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("超过承诺办结时限|超过法定办结时限|审批环节超时"));
            await Expect(supervisor.Locator("main")).Not.ToContainTextAsync("OVERDUE");
        }, "Supervision_journey_supervisor_reads_the_story");

        var dashboard = await portal.NewPageAsync();
        await Journeys.RunAsync(dashboard, async () =>
        {
            await Journeys.LoginAsync(dashboard, "supervisor");
            await dashboard.GotoAsync("/supervision");
            await Expect(dashboard.GetByTestId("kpis")).ToBeVisibleAsync();
        }, "Supervision_journey_dashboard");
    }
}
