using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

internal static class Journeys
{
    public const string Password = "Gov2026demo";

    /// <summary>Runs a journey; keeps a screenshot of where it ended (artifacts/screenshots), named after the test, pass or fail.</summary>
    public static async Task RunAsync(IPage page, Func<Task> journey, [CallerMemberName] string name = "")
    {
        try
        {
            await journey();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalProcess.ArtifactsFolder, name + ".png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalProcess.ArtifactsFolder, name + ".FAILED.png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Ticks every material of the window's checklist as handed in.</summary>
    public static async Task TickAllMaterialsAsync(IPage clerk)
    {
        var boxes = clerk.GetByTestId("intake-materials").GetByRole(AriaRole.Checkbox);
        for (var i = 0; i < await boxes.CountAsync(); i++)
        {
            await boxes.Nth(i).CheckAsync();
        }
    }

    /// <summary>
    /// Fills a food licence's fields (新办, 延续 or 变更: whichever of them the form has) for one shop: the operator, its code,
    /// the premises and the 主体业态 (餐饮服务 makes noodles, 食品销售 sells packaged food), as the citizen types them online or
    /// the clerk for a walk-in.
    /// </summary>
    public static async Task FillFoodShopAsync(IPage page, string operatorName, string partyCode, string premises, string businessFormat = "餐饮服务经营者")
    {
        // By the fields' ids: a licence to replace, when offered, shows the same words (经营者名称, 主体业态 …) in its own label.
        await page.Locator("#field-operator_name").FillAsync(operatorName);
        await page.Locator("#field-operator_code").FillAsync(partyCode);
        await page.Locator("#field-operating_address").FillAsync(premises);
        await page.Locator("#field-business_format").SelectOptionAsync(businessFormat);
        var items = page.Locator("#field-operating_items");
        await items.GetByLabel(businessFormat == "食品销售经营者" ? "预包装食品销售（不含冷藏冷冻食品）" : "热食类食品制售").CheckAsync();
        await items.GetByLabel("自制饮品制售").CheckAsync();
        await page.Locator("#field-safety_manager").FillAsync("店长");
        if (await page.Locator("#field-operating_area").CountAsync() > 0)
        {
            await page.Locator("#field-operating_area").FillAsync("45");
            await page.Locator("#field-online_sales").SelectOptionAsync("false");
        }

        if (await page.Locator("#field-conditions_changed").CountAsync() > 0)
        {
            await page.Locator("#field-conditions_changed").SelectOptionAsync("false");
        }
    }

    /// <summary>
    /// A clerk signs in and accepts a registered person's 食品经营许可 at the window with every material (by default 张伟's
    /// noodle shop); the case number from the notice.
    /// </summary>
    public static async Task<string> AcceptFoodLicenceAsync(IPage clerk, string clerkLogin = "clerk", string person = "361131198506120026", string operatorName = "云溪县城关镇张记米粉店", string premises = "云溪县城关镇人民大道126号")
    {
        await LoginAsync(clerk, clerkLogin);
        await clerk.GotoAsync($"/window/intake/000104004000?id={person}");
        await FillFoodShopAsync(clerk, operatorName, person, premises);
        await TickAllMaterialsAsync(clerk);
        await clerk.GetByTestId("accept").ClickAsync();
        return (await clerk.GetByTestId("case-number").InnerTextAsync()).Trim();
    }

    /// <summary>The reviewer of 市场监管局, signed in on <paramref name="reviewer"/>, claims and passes 材料审查 and claims and approves 审批决定 of a food licence at /review.</summary>
    public static async Task ApproveFoodLicenceAsync(IPage reviewer, string number)
    {
        foreach (var step in FoodLicenceSteps)
        {
            await reviewer.GotoAsync("/review");
            var row = reviewer.Locator($"[data-testid=queue-row][data-number='{number}']");
            await Assertions.Expect(row).ToContainTextAsync(step);
            await row.GetByTestId("claim").ClickAsync();
            if (step == FoodLicenceSteps[0])
            {
                await reviewer.GetByLabel("审查意见").FillAsync("材料齐全");
                await reviewer.GetByTestId("pass").ClickAsync();
            }
            else
            {
                await reviewer.GetByLabel("审批意见 / 理由").FillAsync("准予许可");
                await reviewer.GetByTestId("approve").ClickAsync();
            }
        }
    }

    /// <summary>The reviewer passes each step of case <paramref name="number"/> in the queue and approves at the deciding one, however many steps its item has.</summary>
    public static async Task ApproveEveryStepAsync(IPage reviewer, string number)
    {
        for (var step = 0; step < 5; step++)
        {
            await reviewer.GotoAsync("/review");
            var row = reviewer.Locator($"[data-testid=queue-row][data-number='{number}']");
            if (await row.CountAsync() == 0)
            {
                return;
            }

            await row.GetByTestId("claim").ClickAsync();
            if (await reviewer.GetByTestId("approve").CountAsync() > 0)
            {
                await reviewer.GetByLabel("审批意见 / 理由").FillAsync("准予许可");
                await reviewer.GetByTestId("approve").ClickAsync();
                return;
            }

            await reviewer.GetByLabel("审查意见").FillAsync("材料齐全");
            await reviewer.GetByTestId("pass").ClickAsync();
        }
    }

    private static readonly string[] FoodLicenceSteps = ["材料审查", "审批决定"];

    /// <summary>
    /// The signed-in citizen books 食品经营许可（新办） at the county centre from its guide, at <paramref name="slot"/> on the
    /// first open day from tomorrow (the portal runs on the real clock); returns the day, the 预约号 and the check-in code.
    /// </summary>
    public static async Task<(string Day, string Number, string CheckInCode)> BookFoodLicenceTomorrowAsync(IPage citizen, string slot = "09:30")
    {
        await citizen.GotoAsync("/services/000104004000");
        await Expect(citizen.GetByTestId("guide-halls")).ToContainTextAsync("延时服务：周二、周四 17:30–19:00");
        await citizen.GetByTestId("book-appointment").ClickAsync();
        await citizen.GetByTestId("booking-hall").SelectOptionAsync(new SelectOptionValue { Label = "云溪县政务服务中心" });
        await citizen.GetByTestId("booking-show").ClickAsync();
        var day = await citizen.GetByTestId("booking-day").EvaluateAsync<string>(
            "(select, from) => [...select.options].find(o => o.value >= from && !o.disabled).value", ChinaToday().AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await citizen.GetByTestId("booking-day").SelectOptionAsync(day);
        await citizen.GetByTestId("booking-show").ClickAsync();
        await Expect(citizen.GetByTestId("booking-slots")).ToContainTextAsync("剩余 1/1");
        await citizen.GetByTestId($"slot-{slot}").CheckAsync();
        await citizen.GetByTestId("booking-submit").ClickAsync();
        await Expect(citizen.GetByTestId("appointment-when")).ToContainTextAsync(day);
        await Expect(citizen.GetByTestId("check-in-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d{6}$"));
        return (day, (await citizen.GetByTestId("appointment-number").InnerTextAsync()).Trim(), (await citizen.GetByTestId("check-in-code").InnerTextAsync()).Trim());
    }

    /// <summary>The signed-in chief representative pairs window <paramref name="window"/>'s rating device; returns the hall, the window's id and the device address.</summary>
    public static async Task<(string Hall, string Window, string Device)> PairWindowDeviceAsync(IPage chief, int window)
    {
        await chief.GotoAsync("/hall/desk");
        var hall = (await chief.GetByRole(AriaRole.Link, new() { Name = "叫号显示屏" }).GetAttributeAsync("href") ?? "").Split('/')[2];
        await chief.GetByTestId($"window-{window}").ClickAsync();
        var id = chief.Url.Split('/').Last();
        await chief.GetByTestId("pair-device").ClickAsync();
        return (hall, id, new Uri((await chief.GetByTestId("device-url").Locator("code").InnerTextAsync()).Trim()).PathAndQuery);
    }

    /// <summary>The window's tablet and the hall's calling display, both connected to the hub.</summary>
    public static async Task<(IPage Tablet, IPage Display)> OpenHallScreensAsync(PortalProcess portal, string hall, string device)
    {
        var tablet = await portal.NewPageAsync(1024, 768);
        await tablet.GotoAsync(device);
        await Expect(tablet.Locator("#hall-device[data-connected=true]")).ToHaveCountAsync(1);
        var display = await portal.NewPageAsync(1920, 1080);
        await display.GotoAsync($"/hall/{hall}/display");
        await Expect(display.Locator("[data-testid=display-live][data-connected=true]")).ToHaveCountAsync(1);
        return (tablet, display);
    }

    /// <summary>
    /// The clerk presses 叫号 on the window's panel; the display must say so within one second. Both moments are read
    /// from the browser's own clock (the press just before the click, the display's change by a MutationObserver on
    /// the display page), so the test's polling of the screen does not count against the portal.
    /// </summary>
    public static async Task CallNextAsync(IPage clerk, IPage display, string windowId, int windowNumber, string code)
    {
        var announcement = $"请 {code} 号到 {windowNumber} 号窗口办理";
        await clerk.GotoAsync($"/hall/desk/windows/{windowId}");
        await display.EvaluateAsync("""
            text => {
                window.__shownAt = null;
                const seen = () => {
                    const shown = document.querySelector('[data-testid=display-announce]');
                    if (window.__shownAt === null && shown && shown.textContent.includes(text)) { window.__shownAt = Date.now(); }
                };
                new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true });
            }
            """, announcement);
        var pressedAt = await clerk.EvaluateAsync<double>("() => Date.now()");
        await clerk.GetByTestId("call-next").ClickAsync();
        await Expect(display.GetByTestId("display-announce")).ToContainTextAsync(announcement);
        var shownAt = await display.EvaluateAsync<double>("() => window.__shownAt");
        Assert.True(shownAt - pressedAt < 1000, $"the display showed the call {shownAt - pressedAt} ms after 叫号 was pressed");
        await Expect(clerk.GetByTestId("panel-code")).ToHaveTextAsync(code);
    }

    /// <summary>On the intake form 开始办理 opened: the food shop's answers, every material, 受理; then 办结 on the window's panel.</summary>
    public static async Task AcceptFoodShopAndFinishAsync(IPage clerk, string windowId, string operatorName, string partyCode, string premises)
    {
        await FillFoodShopAsync(clerk, operatorName, partyCode, premises);
        await TickAllMaterialsAsync(clerk);
        await clerk.GetByTestId("accept").ClickAsync();
        await Expect(clerk.GetByTestId("case-number")).ToBeVisibleAsync();
        await clerk.GotoAsync($"/hall/desk/windows/{windowId}");
        await clerk.GetByTestId("finish-service").ClickAsync();
        await Expect(clerk.GetByTestId("call-next")).ToBeVisibleAsync();
    }

    /// <summary>After 办结 the tablet asks by itself; the citizen rates 非常满意.</summary>
    public static async Task RateOnDeviceAsync(IPage tablet, string clerkName = "李娜")
    {
        await Expect(tablet.GetByTestId("device-rate")).ToContainTextAsync($"请对 {clerkName} 的本次服务作出评价");
        await tablet.GetByTestId("level-1").ClickAsync();
        await tablet.GetByTestId("device-submit").ClickAsync();
        await Expect(tablet.GetByTestId("device-thanks")).ToContainTextAsync("感谢您的评价");
    }

    /// <summary>Today in the hall's time zone (the portal's day).</summary>
    public static DateOnly ChinaToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    public static async Task LoginAsync(IPage page, string account, string password = Password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("身份证号 / 手机号 / 用户名").FillAsync(account);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        // The signed-in name appears in the navigation only after the redirect has loaded the next page.
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeAttachedAsync();
    }
}
