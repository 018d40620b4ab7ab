using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>好差评 as it is lived: a citizen rates a finished case 非常不满意 on the phone, the department calls back and feeds back, the citizen rates the rectification.</summary>
[Collection(BrowserTests.Name)]
public sealed class RatingJourneyTests(PortalProcess portal)
{
    [Fact]
    public async Task A_very_dissatisfied_rating_becomes_a_work_order_and_the_citizen_rates_the_rectification()
    {
        string number = "";
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            number = await Journeys.AcceptFoodLicenceAsync(clerk);
        }, "Rating_journey_window_accepts");

        var reviewer = await portal.NewPageAsync();
        await Journeys.RunAsync(reviewer, async () =>
        {
            await Journeys.LoginAsync(reviewer, "reviewer");
            await Journeys.ApproveFoodLicenceAsync(reviewer, number);
        }, "Rating_journey_department_decides");

        clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "统一出件" }).ClickAsync();
            var row = clerk.Locator($"[data-testid=delivery-row][data-number='{number}']");
            await row.GetByLabel("领取人公民身份号码（核验身份证）").FillAsync("361131198506120026");
            await row.GetByTestId("pickup").ClickAsync();
            await Expect(clerk.Locator(".alert-success")).ToContainTextAsync("已出件");
        }, "Rating_journey_pickup");

        // On the phone: the citizen rates the whole case 非常不满意; without a reason it is refused and nothing is lost.
        var citizen = await portal.NewPageAsync(390, 844);
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "361131198506120026");
            await citizen.GotoAsync($"/my/cases/{number}");
            await citizen.GetByTestId("rate-link").ClickAsync();
            var whole = citizen.Locator("[data-testid=rating-unit][data-step='0']");
            await Expect(whole).ToContainTextAsync("办件整体评价");
            await whole.GetByLabel("非常不满意").CheckAsync();
            await whole.GetByTestId("rate").ClickAsync();
            whole = citizen.Locator("[data-testid=rating-unit][data-step='0']");
            await Expect(whole.GetByTestId("error")).ToContainTextAsync("请写明不满意的原因");
            await Expect(whole.GetByLabel("非常不满意")).ToBeCheckedAsync();
            await whole.GetByLabel("评价内容").FillAsync("审批期间电话无人接听，进度不清楚。");
            await whole.GetByTestId("rate").ClickAsync();
            await Expect(citizen.Locator(".alert-success")).ToContainTextAsync("感谢您的评价");
            await Expect(citizen.GetByTestId("rectification")).ToContainTextAsync("待整改");
            await Expect(citizen.GetByTestId("rated").First).ToContainTextAsync("移动端");
        }, "Rating_journey_citizen_rates_very_dissatisfied");

        // The department finds the work order with its due date, calls back and feeds back.
        var head = await portal.NewPageAsync();
        await Journeys.RunAsync(head, async () =>
        {
            await Journeys.LoginAsync(head, "head.scjg");
            await head.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "差评整改" }).ClickAsync();
            var row = head.Locator($"[data-testid=rectification-row][data-number='{number}']");
            await Expect(row).ToContainTextAsync("非常不满意");
            await row.GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(head.GetByTestId("due-on")).ToContainTextAsync("20");
            await head.GetByLabel("回访情况").FillAsync("已电话回访张伟，情况属实，已致歉。");
            await head.GetByLabel("整改措施及反馈").FillAsync("审批科座机设呼叫转移并专人值守，每日公布办件进度。");
            await head.GetByTestId("feed-back").ClickAsync();
            await Expect(head.GetByTestId("rectification-state")).ToContainTextAsync("已反馈");
        }, "Rating_journey_department_feeds_back");

        // The citizen is told in the inbox and rates the rectification.
        citizen = await portal.NewPageAsync(390, 844);
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "361131198506120026");
            await citizen.GotoAsync("/inbox");
            var message = citizen.GetByTestId("inbox-message").Filter(new() { HasText = number });
            await message.First.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
            await Expect(citizen.GetByTestId("rectification-feedback")).ToContainTextAsync("专人值守");
            var form = citizen.GetByTestId("rerate-form");
            await form.GetByLabel("满意", new() { Exact = true }).CheckAsync();
            await form.GetByTestId("rerate").ClickAsync();
            await Expect(citizen.GetByTestId("rerated")).ToContainTextAsync("满意");
            await Expect(citizen.GetByTestId("rectification-state")).ToContainTextAsync("已办结");
        }, "Rating_journey_citizen_rates_the_rectification");

        var supervisor = await portal.NewPageAsync();
        await Journeys.RunAsync(supervisor, async () =>
        {
            await Journeys.LoginAsync(supervisor, "supervisor");
            await supervisor.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "监察看板" }).ClickAsync();
            await Expect(supervisor.GetByTestId("ratings")).ToContainTextAsync("差评");
            await Expect(supervisor.GetByTestId("reform")).ToContainTextAsync("网上可办率");
            await supervisor.GetByTestId("ratings").GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(supervisor.Locator("[data-testid=staff-row][data-name='陈静']")).ToBeVisibleAsync();
        }, "Rating_journey_supervisor_sees_ratings");
    }
}
