using GovService.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>
/// 办事不出村 (村代收、乡镇转办、县审批), as the people in it do it in the browser: a villager of 桃源村 asks for 代办 of
/// 城乡居民基本养老保险参保登记 at the village station; the agent records the request and her signed mandate and files the
/// case; the 桃源乡 window receives it, 人社局 decides it; the paper original goes to the bureau's archive, the result
/// comes back to the station and she collects it there; her timeline shows every hand-over and the agent's acts.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ReceivingJourneyTests(PortalProcess portal)
{
    private const string Pension = "002005001000";
    private const string Villager = "李秀英";
    private const string VillagerId = "361131199003150041";
    private const string VillagerMobile = "13900139000";

    private static readonly string[] TimelineSteps = ["收件后电子移交审批部门", "纸质原件寄出", "纸质原件签收", "纸质原件归档", "办理结果送往领取地", "办理结果已到领取地", "桃源村便民服务站就近领取", "代办员的操作", "赵大伟"];

    private static FilePayload Scan(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = SamplePdf.Build() };

    [Fact]
    public async Task A_villager_gets_her_pension_registration_done_without_going_to_the_county()
    {
        string number = "";
        var agent = await portal.NewPageAsync();
        await Journeys.RunAsync(agent, async () =>
        {
            await Journeys.LoginAsync(agent, "agent");
            await agent.GotoAsync("/agent/requests/new?q=养老");
            await agent.GetByTestId("kind-Errand").CheckAsync();
            await agent.GetByTestId("ask-item").SelectOptionAsync(Pension);
            await agent.GetByTestId("ask-name").FillAsync(Villager);
            await agent.GetByTestId("ask-id").FillAsync(VillagerId);
            await agent.GetByTestId("ask-mobile").FillAsync(VillagerMobile);
            await agent.GetByTestId("ask-submit").ClickAsync();
            await Expect(agent.GetByTestId("agent-actions")).ToBeVisibleAsync();

            // Her mandate, signed at the station, with the right to collect the result.
            await agent.GetByTestId("record-mandate-for-request").ClickAsync();
            await Expect(agent.GetByTestId("mandate-name")).ToHaveValueAsync(Villager);
            await agent.GetByTestId("mandate-receive").CheckAsync();
            await agent.GetByTestId("mandate-scan").SetInputFilesAsync(Scan("授权委托书.pdf"));
            await agent.GetByTestId("mandate-submit").ClickAsync();
            await Expect(agent.Locator(".alert-success")).ToBeVisibleAsync();

            // The agent files the case in her name, within the mandate.
            await agent.GotoAsync($"/apply/{Pension}");
            await agent.Locator("[data-testid=mandated-applicants] a", new() { HasText = Villager }).First.ClickAsync();
            await Expect(agent.Locator("input[name=ApplicantIdNumber]")).ToHaveValueAsync(VillagerId);
            await agent.GetByLabel("参保身份").SelectOptionAsync("普通参保人员");
            await agent.GetByLabel("缴费档次").SelectOptionAsync("每年1000元");
            await agent.GetByLabel("是否已有社会保障卡").SelectOptionAsync("false");
            await agent.Locator("#material-1").SetInputFilesAsync(Scan("参保登记表.pdf"));
            await agent.Locator("#material-2").SetInputFilesAsync(Scan("身份证.pdf"));
            await agent.GetByTestId("submit").ClickAsync();
            await Expect(agent.Locator("main")).ToContainTextAsync("3611312");
            number = System.Text.RegularExpressions.Regex.Match(await agent.Locator("main").InnerTextAsync(), "36113120[0-9]{11}").Value;
            Assert.NotEmpty(number);
        }, "Receiving_agent_files");

        var township = await portal.NewPageAsync();
        await Journeys.RunAsync(township, async () =>
        {
            // The 桃源乡 window receives it (formal and identity check), and the bureau gets it electronically.
            await Journeys.LoginAsync(township, "clerk.taoyuan");
            await township.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "网上预审" }).ClickAsync();
            await township.GetByTestId("prereview-list").Locator("li", new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = "预审" }).ClickAsync();
            await Journeys.TickAllMaterialsAsync(township);
            await township.GetByTestId("accept").ClickAsync();
            await Expect(township.Locator("main")).ToContainTextAsync("受理通知书");

            // The signed original goes by internal mail to the bureau.
            await township.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "原件流转" }).ClickAsync();
            var parcel = township.Locator($"[data-testid=custody-send][data-number='{number}']");
            await Expect(parcel).ToContainTextAsync("城乡居民基本养老保险参保登记表");
            await parcel.GetByLabel("寄送方式").SelectOptionAsync("InternalMail");
            await parcel.GetByLabel("运单号 / 交换单号").FillAsync("TY-2026-1207");
            await parcel.GetByTestId("custody-send-button").ClickAsync();
            await Expect(township.Locator(".alert-success")).ToContainTextAsync("已登记寄出");
        }, "Receiving_township_receives");

        var bureau = await portal.NewPageAsync();
        await Journeys.RunAsync(bureau, async () =>
        {
            await Journeys.LoginAsync(bureau, "reviewer.rs");
            await Journeys.ApproveEveryStepAsync(bureau, number);
            await bureau.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "原件流转" }).ClickAsync();
            await bureau.Locator($"[data-testid=custody-receive][data-number='{number}']").GetByTestId("custody-receive-button").ClickAsync();
            await bureau.Locator($"[data-testid=custody-held][data-number='{number}']").GetByTestId("custody-archive-button").ClickAsync();
            await Expect(bureau.Locator(".alert-success")).ToContainTextAsync("已归档");
        }, "Receiving_bureau_decides_and_archives");

        township = await portal.NewPageAsync();
        await Journeys.RunAsync(township, async () =>
        {
            // The result is not handed out at the township: it goes on to the station.
            await Journeys.LoginAsync(township, "clerk.taoyuan");
            await township.GotoAsync("/window/delivery");
            await Expect(township.Locator($"[data-testid=delivery-row][data-number='{number}']")).ToHaveCountAsync(0);
            await township.GotoAsync("/custody");
            var result = township.Locator($"[data-testid=custody-send][data-number='{number}'][data-kind=Result]");
            await Expect(result).ToContainTextAsync("桃源村便民服务站");
            await result.GetByLabel("寄送方式").SelectOptionAsync("ByHand");
            await result.GetByTestId("custody-send-button").ClickAsync();
            await Expect(township.Locator(".alert-success")).ToContainTextAsync("已登记寄出");
        }, "Receiving_township_sends_the_result_on");

        agent = await portal.NewPageAsync();
        await Journeys.RunAsync(agent, async () =>
        {
            await Journeys.LoginAsync(agent, "agent");
            await agent.GotoAsync("/custody");
            await agent.Locator($"[data-testid=custody-receive][data-number='{number}']").GetByTestId("custody-receive-button").ClickAsync();
            var held = agent.Locator($"[data-testid=custody-held][data-number='{number}']");
            await held.GetByLabel("领取人公民身份号码（核验身份证）").FillAsync(VillagerId);
            await held.GetByTestId("custody-hand-over").ClickAsync();
            await Expect(agent.Locator(".alert-success")).ToContainTextAsync("已出件");
        }, "Receiving_station_hands_over");

        var villager = await portal.NewPageAsync();
        await Journeys.RunAsync(villager, async () =>
        {
            await Journeys.LoginAsync(villager, VillagerMobile);
            await villager.GotoAsync($"/my/cases/{number}");
            var main = villager.Locator("main");
            await Expect(villager.GetByTestId("my-case-state")).ToContainTextAsync("办结");
            foreach (var step in TimelineSteps)
            {
                await Expect(main).ToContainTextAsync(step);
            }
        }, "Receiving_villager_timeline");
    }
}
