using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>投诉 as it is lived: a citizen complains about a township hall on the phone, the hall answers from its inbox, the citizen reads the answer.</summary>
[Collection(BrowserTests.Name)]
public sealed class ComplaintJourneyTests(PortalProcess portal)
{
    [Fact]
    public async Task A_complaint_about_a_hall_is_answered_by_that_hall()
    {
        var title = $"午间窗口无人 {Guid.NewGuid():N}"[..14];
        var citizen = await portal.NewPageAsync(390, 844);
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "361131198506120026");
            await citizen.GotoAsync("/my/complaints");
            var form = citizen.GetByTestId("complaint-form");
            await form.GetByLabel("投诉对象").SelectOptionAsync(new SelectOptionValue { Label = "桃源乡便民服务中心" });
            await form.GetByLabel("投诉标题").FillAsync(title);
            await form.GetByTestId("file-complaint").ClickAsync();
            await Expect(citizen.GetByTestId("error")).ToContainTextAsync("请填写投诉标题");
            await Expect(citizen.GetByLabel("投诉标题")).ToHaveValueAsync(title);
            await citizen.GetByLabel("投诉内容").FillAsync("中午 12 点到窗口办事，窗口无人值守。");
            await citizen.GetByTestId("file-complaint").ClickAsync();
            await Expect(citizen.Locator(".alert-success")).ToContainTextAsync("投诉已提交");
            await Expect(citizen.GetByTestId("my-complaint").Filter(new() { HasText = title })).ToContainTextAsync("待答复");
        }, "Complaint_journey_citizen_complains");

        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk.taoyuan");
            await clerk.GetByRole(AriaRole.Link, new() { Name = "消息", Exact = true }).ClickAsync();
            await clerk.GetByTestId("inbox-message").Filter(new() { HasText = "新投诉" }).First.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
            await Expect(clerk.GetByTestId("complaint")).ToContainTextAsync("窗口无人值守");
            await clerk.GetByLabel("反馈信息：").FillAsync("已核实，午间已安排轮岗值守，并向您致歉。");
            await clerk.GetByTestId("answer-complaint").ClickAsync();
            await Expect(clerk.GetByTestId("complaint-state")).ToContainTextAsync("已答复");
        }, "Complaint_journey_hall_answers");

        citizen = await portal.NewPageAsync(390, 844);
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "361131198506120026");
            await citizen.GotoAsync("/my/complaints");
            await Expect(citizen.GetByTestId("my-complaint").Filter(new() { HasText = title }).GetByTestId("complaint-answer")).ToContainTextAsync("午间已安排轮岗值守");
        }, "Complaint_journey_citizen_reads_the_answer");
    }
}
