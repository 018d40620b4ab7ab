using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

[Collection(BrowserTests.Name)]
public sealed class CitizenJourneyTests(PortalProcess portal)
{
    private static readonly string[] PhonePages = ["/", "/account/register", "/account/login", "/privacy", "/terms"];

    private static readonly (string Link, string Heading, string Says)[] LegalTexts =
    [
        ("terms-link", "用户服务协议", "实名注册"),
        ("privacy-link", "个人信息保护政策", "保存多久"),
    ];

    [Fact]
    public async Task A_citizen_corrects_a_mistyped_id_number_registers_and_sees_the_masked_number()
    {
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "实名注册" }).ClickAsync();

            await page.GetByLabel("姓名").FillAsync("周晓梅");
            await page.GetByLabel("公民身份号码").FillAsync("361131199512120017");
            await page.GetByLabel("手机号码").FillAsync("13600136000");
            await page.GetByLabel("密码", new() { Exact = true }).FillAsync("Xiaomei2026");
            await page.GetByLabel("确认密码").FillAsync("Xiaomei2026");
            // The two texts being accepted open readably in a new tab; the form keeps what was typed.
            foreach (var (link, heading, says) in LegalTexts)
            {
                var text = await page.Context.RunAndWaitForPageAsync(() => page.GetByTestId(link).ClickAsync());
                await Expect(text.Locator("h1")).ToContainTextAsync(heading);
                await Expect(text.Locator("main")).ToContainTextAsync(says);
                await text.CloseAsync();
            }

            await Expect(page.GetByLabel("姓名")).ToHaveValueAsync("周晓梅");
            await page.GetByLabel("我已阅读并同意").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();

            var idError = page.Locator("[data-valmsg-for='IdNumber']");
            await Expect(idError).ToContainTextAsync("校验位不正确");
            await Expect(page.GetByLabel("姓名")).ToHaveValueAsync("周晓梅");

            await page.GetByLabel("公民身份号码").FillAsync("361131199512120019");
            await page.GetByLabel("密码", new() { Exact = true }).FillAsync("Xiaomei2026");
            await page.GetByLabel("确认密码").FillAsync("Xiaomei2026");
            await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();

            await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("周晓梅");
            await page.GetByRole(AriaRole.Link, new() { Name = "个人中心" }).ClickAsync();
            await Expect(page.GetByTestId("masked-id")).ToHaveTextAsync("361131********0019");
            await Expect(page.GetByTestId("nav")).Not.ToContainTextAsync("行政区划");
        });
    }

    [Fact]
    public async Task Anyone_looks_up_a_case_with_its_number_and_query_code()
    {
        var page = await portal.NewPageAsync(360, 740);
        await Journeys.RunAsync(page, async () =>
        {
            await page.GotoAsync("/status");
            await page.GetByLabel("办件编号").FillAsync("3611312026110300001");
            await page.GetByLabel("查询码").FillAsync("yxk7q2");
            await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

            await Expect(page.GetByTestId("status-state")).ToHaveTextAsync("审批中");
            await Expect(page.GetByTestId("status-applicant")).ToHaveTextAsync("张*");

            await page.GetByLabel("查询码").FillAsync("AAAAAA");
            await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(page.GetByTestId("status-not-found")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task On_a_360_px_phone_the_pages_fit_the_screen_and_the_menu_opens()
    {
        var page = await portal.NewPageAsync(360, 740);
        await Journeys.RunAsync(page, async () =>
        {
            foreach (var path in PhonePages)
            {
                await page.GotoAsync(path);
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 360px phone");
            }

            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "注册", Exact = true })).Not.ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "展开导航" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "注册", Exact = true })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Care_mode_enlarges_the_text_and_English_can_be_chosen()
    {
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await page.GotoAsync("/");
            var normal = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
            await page.GetByTestId("care-mode").ClickAsync();
            await Expect(page.Locator("body")).ToHaveClassAsync("care-mode");
            var large = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
            Assert.True(large >= normal * 1.2, $"care mode font {large}px is not larger than {normal}px");

            await page.GetByTestId("switch-language").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await page.GetByTestId("switch-language").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        });
    }
}
