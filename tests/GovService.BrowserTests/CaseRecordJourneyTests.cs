using GovService.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>What the case record says to whom: a reviewer's 补正 and its answer, the application's form with its labels.</summary>
[Collection(BrowserTests.Name)]
public sealed class CaseRecordJourneyTests(PortalProcess portal)
{
    private static FilePayload Scan(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = SamplePdf.Build() };

    [Fact]
    public async Task After_a_reviewers_supplement_the_applicant_is_told_it_goes_back_to_the_reviewer_who_sees_the_upload()
    {
        string number = "", taskUrl = "";
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            number = await Journeys.AcceptFoodLicenceAsync(clerk);
        }, "Supplement_in_review_window_accepts");

        var reviewer = await portal.NewPageAsync();
        await Journeys.RunAsync(reviewer, async () =>
        {
            await ClaimAsync(reviewer, "reviewer", number);
            taskUrl = new Uri(reviewer.Url).PathAndQuery;
            await reviewer.GetByText("要求申请人补正（暂停计时）").ClickAsync();
            await reviewer.Locator("#defect-6").FillAsync("健康证明已过有效期，请提供有效期内的健康证明");
            await reviewer.GetByTestId("supplement").ClickAsync();
            await Expect(reviewer.GetByTestId("case-state")).ToHaveTextAsync("待补正材料");
        }, "Supplement_in_review_reviewer_asks");

        var citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "361131198506120026");
            await citizen.GotoAsync($"/my/cases/{number}");
            var todo = citizen.GetByTestId("todo-text");
            await Expect(todo).ToContainTextAsync("回到该审查人员继续审查");
            await Expect(todo).Not.ToContainTextAsync("预审");
            await Expect(citizen.GetByTestId("todo")).Not.ToContainTextAsync("预审");
            await citizen.GetByLabel("6. 从业人员健康证明").SetInputFilesAsync(Scan("健康证明-新.pdf"));
            await citizen.GetByTestId("send-supplement").ClickAsync();
            var told = citizen.GetByRole(AriaRole.Status).Filter(new() { HasText = "补正材料已提交" });
            await Expect(told).ToContainTextAsync("回到审查人员继续审查");
            await Expect(told).Not.ToContainTextAsync("窗口");
            await Expect(citizen.GetByTestId("my-case-state")).ToHaveTextAsync("审批中");
        }, "Supplement_in_review_applicant_answers");

        reviewer = await portal.NewPageAsync();
        await Journeys.RunAsync(reviewer, async () =>
        {
            await Journeys.LoginAsync(reviewer, "reviewer");
            await reviewer.GotoAsync(taskUrl);
            var answer = reviewer.GetByTestId("supplied-6");
            await Expect(answer).ToContainTextAsync("健康证明已过有效期");
            await Expect(answer).ToContainTextAsync("申请人于 " + DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(answer.GetByRole(AriaRole.Link, new() { Name = "健康证明-新.pdf" })).ToBeVisibleAsync();
        }, "Supplement_in_review_reviewer_sees_the_answer");
    }

    [Fact]
    public async Task The_clerk_the_reviewer_and_the_applicant_read_the_application_form_with_the_catalogs_labels()
    {
        string number = "";
        var citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "13900139000");
            await citizen.GotoAsync("/apply/000108002000"); // 户外广告设施设置审批
            await citizen.GetByLabel("设施类型").SelectOptionAsync("门头招牌（店招）");
            await citizen.GetByLabel("规格（长×宽，米）").FillAsync("6×1.2");
            await citizen.GetByLabel("设置地点").FillAsync("云溪县城关镇人民路18号");
            await citizen.GetByLabel("设置期限（月）").FillAsync("36");
            await citizen.GetByLabel("是否亮化").SelectOptionAsync("false");
            for (var slot = 1; slot <= 5; slot++)
            {
                await citizen.Locator($"#material-{slot}").SetInputFilesAsync(Scan($"材料{slot}.pdf"));
            }

            await citizen.GetByTestId("submit").ClickAsync();
            await Expect(citizen.GetByTestId("my-case-state")).ToHaveTextAsync("已提交，待预审");
            number = (await citizen.Locator("[data-testid=my-case] code").First.InnerTextAsync()).Trim();
            await AssertLabelledAsync(citizen.GetByTestId("answers"));
        }, "Labels_applicant_submits");

        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GotoAsync("/window/prereview");
            await clerk.GetByTestId("prereview-list").Locator("li", new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = "预审" }).ClickAsync();
            await AssertLabelledAsync(clerk.GetByTestId("answers"));
            await clerk.GetByTestId("accept").ClickAsync();
            await Expect(clerk.GetByTestId("acceptance-notice")).ToContainTextAsync("予以受理");
        }, "Labels_clerk_pre_reviews");

        var reviewer = await portal.NewPageAsync();
        await Journeys.RunAsync(reviewer, async () =>
        {
            await ClaimAsync(reviewer, "reviewer.zj", number);
            await AssertLabelledAsync(reviewer.GetByTestId("answers"));
        }, "Labels_reviewer_reads");
    }

    /// <summary>A reviewer signs in and claims the case's open step of their department from the queue (the step's page opens).</summary>
    private static async Task ClaimAsync(IPage reviewer, string login, string number)
    {
        await Journeys.LoginAsync(reviewer, login);
        await reviewer.GotoAsync("/review");
        await reviewer.Locator($"[data-testid=queue-row][data-number='{number}']").GetByTestId("claim").ClickAsync();
    }

    /// <summary>The catalog's labels with typed values, never a key or a raw boolean.</summary>
    private static async Task AssertLabelledAsync(ILocator answers)
    {
        await Expect(answers).ToContainTextAsync("设施类型");
        await Expect(answers).ToContainTextAsync("门头招牌（店招）");
        await Expect(answers).ToContainTextAsync("设置期限（月）");
        await Expect(answers.Locator("dt", new() { HasText = "是否亮化" }).Locator("xpath=following-sibling::dd[1]")).ToHaveTextAsync("否");
        await Expect(answers).Not.ToContainTextAsync("is_illuminated");
        await Expect(answers).Not.ToContainTextAsync("sign_type");
        await Expect(answers).Not.ToContainTextAsync("false");
    }
}
