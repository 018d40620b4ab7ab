using GovService.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>What a citizen is told along one online case, and the written decision they download after approval.</summary>
[Collection(BrowserTests.Name)]
public sealed class NoticeJourneyTests(PortalProcess portal)
{
    private const string Citizen = "13900139000";
    private const string CitizenId = "361131199003150041";

    private static readonly string[] Materials = ["食品经营许可申请书", "营业执照", "居民身份证", "食品经营设备布局和工艺流程图", "食品安全管理制度文本", "从业人员健康证明"];

    private static FilePayload Scan(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = SamplePdf.Build() };

    [Fact]
    public async Task The_citizens_inbox_shows_every_step_of_an_online_case_from_the_supplement_to_the_pickup_and_my_cases_links_the_decision()
    {
        string number = "";
        var citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, Citizen);
            await citizen.GotoAsync("/apply/000104004000");
            await citizen.GetByLabel("经营者名称").FillAsync("云溪县城关镇李记小吃店");
            await citizen.GetByLabel("统一社会信用代码（身份证号码）").FillAsync("361131199003150041");
            await citizen.Locator("#field-operating_address").FillAsync("云溪县城关镇人民大道12号");
            await citizen.GetByLabel("主体业态").SelectOptionAsync("餐饮服务经营者");
            await citizen.GetByLabel("热食类食品制售").CheckAsync();
            await citizen.GetByLabel("经营场所面积（平方米）").FillAsync("48");
            await citizen.GetByLabel("食品安全管理人员").FillAsync("李秀英");
            await citizen.GetByLabel("是否通过网络平台经营").SelectOptionAsync("false");
            foreach (var material in Materials)
            {
                await citizen.GetByLabel(material).SetInputFilesAsync(Scan($"{material}.pdf"));
            }

            await citizen.GetByTestId("submit").ClickAsync();
            await Expect(citizen.GetByTestId("my-case-state")).ToHaveTextAsync("已提交，待预审");
            number = (await citizen.Locator("[data-testid=my-case] code").First.InnerTextAsync()).Trim();
        }, "Notice_journey_applies_online");

        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GotoAsync("/window/prereview");
            await clerk.GetByTestId("prereview-list").Locator("li", new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = "预审" }).ClickAsync();
            await clerk.Locator("#defect-4").FillAsync("流程图未标明粗加工区和清洗消毒区");
            await clerk.GetByTestId("supplement").ClickAsync();
            await Expect(clerk.GetByTestId("supplement-notice")).ToContainTextAsync("清洗消毒区");
        }, "Notice_journey_one_time_notice");

        citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, Citizen);
            await citizen.GotoAsync($"/my/cases/{number}");
            await citizen.GetByLabel(Materials[3]).SetInputFilesAsync(Scan("流程图-修改.pdf"));
            await citizen.GetByTestId("send-supplement").ClickAsync();
            await Expect(citizen.GetByTestId("my-case-state")).ToHaveTextAsync("已提交，待预审");
        }, "Notice_journey_supplies");

        clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GotoAsync("/window/prereview");
            await clerk.GetByTestId("prereview-list").Locator("li", new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = "预审" }).ClickAsync();
            await clerk.GetByTestId("accept").ClickAsync();
            await Expect(clerk.GetByTestId("acceptance-notice")).ToContainTextAsync("予以受理");
        }, "Notice_journey_accepted");

        var reviewer = await portal.NewPageAsync();
        await Journeys.RunAsync(reviewer, async () =>
        {
            await Journeys.LoginAsync(reviewer, "reviewer");
            await Journeys.ApproveFoodLicenceAsync(reviewer, number);
        }, "Notice_journey_approved");

        citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, Citizen);
            await citizen.GotoAsync($"/my/cases/{number}");
            await Expect(citizen.GetByTestId("notice-decision")).ToHaveTextAsync("准予行政许可决定书");
            await citizen.GetByTestId("notice-decision").ClickAsync();
            await Expect(citizen.GetByTestId("decision-document")).ToContainTextAsync("准予行政许可决定书");
            await Expect(citizen.GetByTestId("decision-issuer")).ToHaveTextAsync("云溪县市场监督管理局");
            await Expect(citizen.GetByTestId("decision-licence")).ToContainTextAsync("食品经营许可证");
            await Expect(citizen.GetByTestId("decision-basis")).ToContainTextAsync("《中华人民共和国食品安全法》");
            var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.GetByTestId("decision-pdf").ClickAsync());
            Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        }, "Notice_journey_decision");

        clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GotoAsync("/window/delivery");
            var row = clerk.Locator($"[data-testid=delivery-row][data-number='{number}']");
            await row.GetByLabel("领取人公民身份号码（核验身份证）").FillAsync(CitizenId);
            await row.GetByTestId("pickup").ClickAsync();
            await Expect(clerk.Locator(".alert-success")).ToContainTextAsync("已出件");
        }, "Notice_journey_pickup");

        citizen = await portal.NewPageAsync(390, 844);
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, Citizen);
            await citizen.GotoAsync("/inbox");
            var messages = citizen.GetByTestId("inbox-message").Filter(new() { HasText = number });
            // Newest first: from the pickup back to the submission.
            await Expect(messages).ToHaveCountAsync(6);
            string[] titles = ["办件 {0} 已办结", "办件 {0} 电子证照已签发", "办件 {0} 准予许可", "办件 {0} 已受理", "办件 {0} 需要补正材料（一次性告知）", "申请 {0} 已提交"];
            for (var i = 0; i < titles.Length; i++)
            {
                await Expect(messages.Nth(i)).ToContainTextAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, titles[i], number));
            }

            await Expect(messages.Nth(0)).ToContainTextAsync("在窗口领取");
            await Expect(messages.Nth(4)).ToContainTextAsync("清洗消毒区");
            await Expect(messages.Nth(5)).ToContainTextAsync("查询码");
        }, "Notice_journey_inbox");
    }
}
