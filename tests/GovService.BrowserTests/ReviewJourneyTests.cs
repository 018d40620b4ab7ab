using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>后台分类审批 as a department reviewer lives it: the queue, a claim, a pass, the decision.</summary>
[Collection(BrowserTests.Name)]
public sealed class ReviewJourneyTests(PortalProcess portal)
{
    [Fact]
    public async Task A_reviewer_claims_reviews_and_approves_and_the_applicant_sees_every_step()
    {
        string number = "";
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GotoAsync("/window/intake/000104004000?id=361131198506120026");
            await Expect(clerk.GetByTestId("lookup-result")).ToContainTextAsync("已注册用户");
            await Journeys.FillFoodShopAsync(clerk, "云溪县城关镇张记米粉店", "361131198506120026", "云溪县城关镇人民大道126号");
            await Journeys.TickAllMaterialsAsync(clerk);

            await clerk.GetByTestId("accept").ClickAsync();
            number = (await clerk.GetByTestId("case-number").InnerTextAsync()).Trim();
        }, "Review_journey_window_accepts");

        var reviewer = await portal.NewPageAsync();
        await Journeys.RunAsync(reviewer, async () =>
        {
            await Journeys.LoginAsync(reviewer, "reviewer");
            await reviewer.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "审批队列" }).ClickAsync();
            var row = reviewer.Locator($"[data-testid=queue-row][data-number='{number}']");
            await Expect(row).ToContainTextAsync("材料审查");
            await row.GetByTestId("claim").ClickAsync();
            await Expect(reviewer.GetByTestId("holder")).ToHaveTextAsync("陈静");
            await Expect(reviewer.GetByTestId("clock")).ToContainTextAsync("个工作日");

            await reviewer.GetByTestId("pass").ClickAsync();
            await Expect(reviewer.GetByTestId("action-errors")).ToContainTextAsync("请填写意见或理由");
            await reviewer.GetByLabel("审查意见").FillAsync("材料齐全，符合法定形式");
            await reviewer.GetByTestId("pass").ClickAsync();

            row = reviewer.Locator($"[data-testid=queue-row][data-number='{number}']");
            await Expect(row).ToContainTextAsync("审批决定");
            await row.GetByTestId("claim").ClickAsync();
            await reviewer.GetByLabel("审批意见 / 理由").FillAsync("经审查，符合食品经营许可条件，准予许可");
            await reviewer.GetByTestId("approve").ClickAsync();
            await Expect(reviewer.Locator($"[data-testid=queue-row][data-number='{number}']")).ToHaveCountAsync(0);
        }, "Review_journey_reviewer_decides");

        var citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "361131198506120026");
            await citizen.GotoAsync($"/my/cases/{number}");
            await Expect(citizen.GetByTestId("my-case-state")).ToHaveTextAsync("待领取 / 待送达");
            var timeline = citizen.GetByTestId("timeline");
            await Expect(timeline).ToContainTextAsync("审查通过");
            await Expect(timeline).ToContainTextAsync("陈静");
            await Expect(timeline).ToContainTextAsync("0793-7321035");
            await Expect(timeline).ToContainTextAsync("准予许可");
        }, "Review_journey_applicant_timeline");
    }
}
