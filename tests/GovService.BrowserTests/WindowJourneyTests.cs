using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

[Collection(BrowserTests.Name)]
public sealed class WindowJourneyTests(PortalProcess portal)
{
    [Fact]
    public async Task A_clerk_accepts_a_walk_in_applicant_and_anyone_can_then_look_the_case_up()
    {
        var page = await portal.NewPageAsync();
        string number = "", code = "";
        await Journeys.RunAsync(page, async () =>
        {
            await Journeys.LoginAsync(page, "clerk");
            await page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "综合受理" }).ClickAsync();
            await page.GetByLabel("查找事项（名称、关键词或编码）").FillAsync("食品经营");
            await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
            await page.GetByTestId("window-items").Locator("li", new() { HasText = "食品经营许可（新办）" }).GetByRole(AriaRole.Link, new() { Name = "开始受理" }).ClickAsync();

            await page.GetByLabel("申请人姓名").FillAsync("王小明");
            await page.GetByLabel("公民身份号码", new() { Exact = true }).FillAsync("361131200001010016");
            await page.GetByLabel("手机号码").FillAsync("13700137000");
            await Journeys.FillFoodShopAsync(page, "云溪县城关镇王记小吃店", "361131200001010016", "云溪县城关镇西街5号");
            await Journeys.TickAllMaterialsAsync(page);

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalProcess.ArtifactsFolder, "window-intake-form.png"), FullPage = true });
            await page.GetByTestId("accept").ClickAsync();
            await Expect(page.GetByTestId("acceptance-notice")).ToContainTextAsync("予以受理");
            number = (await page.GetByTestId("case-number").InnerTextAsync()).Trim();
            code = (await page.GetByTestId("query-code").InnerTextAsync()).Trim();
            Assert.Matches("^361131\\d{13}$", number);
        });

        var lookup = await portal.NewPageAsync();
        await Journeys.RunAsync(lookup, async () =>
        {
            await lookup.GotoAsync($"/status?number={number}&code={code}");
            await Expect(lookup.GetByTestId("status-state")).ToHaveTextAsync("审批中");
            await Expect(lookup.GetByTestId("status-applicant")).ToHaveTextAsync("王*明");
        }, "A_clerk_accepts_a_walk_in_applicant_lookup");
    }
}
