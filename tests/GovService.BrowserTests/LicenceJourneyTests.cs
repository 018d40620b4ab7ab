using GovService.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>统一窗口出件 and 证照核验 as people live them: township pickup, QR verification, revocation; two shops, two licences.</summary>
[Collection(BrowserTests.Name)]
public sealed class LicenceJourneyTests(PortalProcess portal)
{
    /// <summary>The food licence's required materials (the health certificate, 容缺-allowed, may follow).</summary>
    private static readonly string[] RequiredFoodMaterials = ["食品经营许可申请书", "营业执照", "居民身份证", "食品经营设备布局和工艺流程图", "食品安全管理制度文本"];

    [Fact]
    public async Task The_township_clerk_hands_over_the_licence_the_citizen_scans_it_valid_and_after_revocation_it_says_revoked()
    {
        string number = "", verifyUrl = "";
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            number = await Journeys.AcceptFoodLicenceAsync(clerk, "clerk.taoyuan");
        }, "Licence_journey_township_accepts");

        var reviewer = await portal.NewPageAsync();
        await Journeys.RunAsync(reviewer, async () =>
        {
            await Journeys.LoginAsync(reviewer, "reviewer");
            await Journeys.ApproveFoodLicenceAsync(reviewer, number);
        }, "Licence_journey_county_decides");

        clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk.taoyuan");
            await clerk.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "统一出件" }).ClickAsync();
            var row = clerk.Locator($"[data-testid=delivery-row][data-number='{number}']");
            await Expect(row.GetByTestId("delivery-licence")).ToContainTextAsync("食品经营许可证");

            var print = await clerk.Context.RunAndWaitForPageAsync(() => row.GetByTestId("delivery-licence").ClickAsync());
            await Expect(print.GetByTestId("licence")).ToContainTextAsync("云溪县市场监督管理局");
            await print.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalProcess.ArtifactsFolder, "licence-print.png"), FullPage = true });
            await print.CloseAsync();

            await row.GetByLabel("领取人公民身份号码（核验身份证）").FillAsync("361131198506120026");
            await row.GetByTestId("pickup").ClickAsync();
            await Expect(clerk.Locator(".alert-success")).ToContainTextAsync("已出件");
        }, "Licence_journey_pickup");

        var citizen = await portal.NewPageAsync(390, 844);
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "361131198506120026");
            await citizen.GotoAsync("/my/licences");
            var entry = citizen.GetByTestId("wallet-licence").Filter(new() { HasText = "食品经营许可证" }).First;
            var code = (await entry.GetByTestId("wallet-code").TextContentAsync())!;
            await entry.GetByRole(AriaRole.Link, new() { Name = "食品经营许可证" }).ClickAsync();
            verifyUrl = (await citizen.GetByTestId("licence-qr").GetAttributeAsync("data-url"))!;
            Assert.StartsWith(portal.BaseUrl, verifyUrl, StringComparison.Ordinal);
            Assert.EndsWith("?code=" + code, verifyUrl, StringComparison.Ordinal); // the QR link carries the 核验码 printed on the licence
            await Expect(citizen.GetByTestId("licence-code")).ToHaveTextAsync(code);

            await citizen.GotoAsync(verifyUrl); // what the phone opens after scanning the QR code
            await Expect(citizen.GetByTestId("verify-status")).ToHaveTextAsync("真实有效");
            await Expect(citizen.GetByTestId("verify-holder")).ToHaveTextAsync("云*********店");
        }, "Licence_journey_scan_valid");

        // The administrator revokes it from the licence page (found through the delivering hall's licence link).
        var revoke = await portal.NewPageAsync();
        await Journeys.RunAsync(revoke, async () =>
        {
            await Journeys.LoginAsync(revoke, "361131198506120026");
            await revoke.GotoAsync("/my/licences");
            var href = await revoke.GetByTestId("wallet-licence").Filter(new() { HasText = "食品经营许可证" }).First.GetByRole(AriaRole.Link, new() { Name = "食品经营许可证" }).GetAttributeAsync("href");
            await revoke.Context.ClearCookiesAsync();
            await Journeys.LoginAsync(revoke, "admin");
            await revoke.GotoAsync(href!);
            await revoke.GetByLabel("吊销理由").FillAsync("经营场所已变更，未依法申请变更许可");
            await revoke.GetByTestId("revoke").ClickAsync();
            await Expect(revoke.GetByTestId("licence-state")).ToContainTextAsync("已吊销");
        }, "Licence_journey_admin_revokes");

        var again = await portal.NewPageAsync(390, 844);
        await Journeys.RunAsync(again, async () =>
        {
            await again.GotoAsync(verifyUrl);
            await Expect(again.GetByTestId("verify-status")).ToHaveTextAsync("已吊销");
        }, "Licence_journey_scan_revoked");
    }

    [Fact]
    public async Task A_citizen_with_two_shops_applies_online_for_two_food_licences_and_holds_both_each_showing_its_premises()
    {
        string[] shops = ["云溪县城关镇人民大道126号", "云溪县城关镇解放路8号"];
        var numbers = new List<string>();
        foreach (var (premises, index) in shops.Select((p, i) => (p, i)))
        {
            var citizen = await portal.NewPageAsync();
            await Journeys.RunAsync(citizen, async () =>
            {
                await Journeys.LoginAsync(citizen, "13900139000");
                await citizen.GotoAsync("/services/000104004000");
                await citizen.GetByTestId("apply-online").ClickAsync();
                await Journeys.FillFoodShopAsync(citizen, index == 0 ? "云溪县城关镇李记米粉店" : "云溪县城关镇李记便利店", "361131199003150041", premises, index == 0 ? "餐饮服务经营者" : "食品销售经营者");
                foreach (var material in RequiredFoodMaterials)
                {
                    await citizen.GetByLabel(material).SetInputFilesAsync(new FilePayload { Name = material + ".pdf", MimeType = "application/pdf", Buffer = SamplePdf.Build() });
                }

                await citizen.GetByTestId("submit").ClickAsync();
                await Expect(citizen.GetByTestId("my-case-state")).ToHaveTextAsync("已提交，待预审");
                numbers.Add((await citizen.Locator("[data-testid=my-case] code").First.InnerTextAsync()).Trim());
            }, $"Two_shops_applies_for_shop_{index + 1}");

            var clerk = await portal.NewPageAsync();
            await Journeys.RunAsync(clerk, async () =>
            {
                await Journeys.LoginAsync(clerk, "clerk");
                await clerk.GotoAsync("/window/prereview");
                await clerk.GetByTestId("prereview-list").Locator("li", new() { HasText = numbers[index] }).GetByRole(AriaRole.Link, new() { Name = "预审" }).ClickAsync();
                var boxes = clerk.GetByTestId("intake-materials").GetByRole(AriaRole.Checkbox);
                for (var i = 0; i < await boxes.CountAsync(); i++)
                {
                    await boxes.Nth(i).CheckAsync();
                }

                await clerk.GetByTestId("accept").ClickAsync();
                await Expect(clerk.GetByTestId("acceptance-notice")).ToContainTextAsync("予以受理");
            }, $"Two_shops_accepts_shop_{index + 1}");

            var reviewer = await portal.NewPageAsync();
            await Journeys.RunAsync(reviewer, async () =>
            {
                await Journeys.LoginAsync(reviewer, "reviewer");
                await Journeys.ApproveFoodLicenceAsync(reviewer, numbers[index]);
            }, $"Two_shops_approves_shop_{index + 1}");
        }

        var wallet = await portal.NewPageAsync(390, 844);
        await Journeys.RunAsync(wallet, async () =>
        {
            await Journeys.LoginAsync(wallet, "13900139000");
            await wallet.GotoAsync("/my/licences");
            var food = wallet.GetByTestId("wallet-licence").Filter(new() { HasText = "食品经营许可证" });
            // Counted by premises: other journeys give this citizen food licences of their own in the same portal.
            foreach (var (premises, holder) in new[] { (shops[0], "云溪县城关镇李记米粉店"), (shops[1], "云溪县城关镇李记便利店") })
            {
                var entry = food.Filter(new() { HasText = premises });
                await Expect(entry).ToHaveCountAsync(1);
                await Expect(entry.Locator(".badge")).ToHaveTextAsync("有效");
                await Expect(entry.GetByTestId("wallet-subject")).ToContainTextAsync(holder);
                await Expect(entry).ToContainTextAsync("JY");
            }

            // The licence itself shows what it licenses.
            await food.Filter(new() { HasText = shops[1] }).GetByRole(AriaRole.Link, new() { Name = "食品经营许可证" }).ClickAsync();
            await Expect(wallet.GetByTestId("licence")).ToContainTextAsync(shops[1]);
            await Expect(wallet.GetByTestId("licence")).ToContainTextAsync("预包装食品销售（不含冷藏冷冻食品）、自制饮品制售");
            await Expect(wallet.GetByTestId("licence-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^JY1361131[0-9]{7}$"));
        }, "Two_shops_two_valid_licences");

        // Renewing one of them starts with choosing which: both are offered, told apart by their premises.
        var renewal = await portal.NewPageAsync();
        await Journeys.RunAsync(renewal, async () =>
        {
            await Journeys.LoginAsync(renewal, "13900139000");
            await renewal.GotoAsync("/apply/000104004001");
            // Each shop's licence is offered once (other journeys may add licences of this citizen's to the list).
            foreach (var premises in shops)
            {
                await Expect(renewal.GetByTestId("replaces-option").Filter(new() { HasText = premises })).ToHaveCountAsync(1);
            }

            await Expect(renewal.GetByTestId("replaces")).ToContainTextAsync(shops[0]);
            await Expect(renewal.GetByTestId("replaces")).ToContainTextAsync(shops[1]);
        }, "Two_shops_renewal_offers_both");
    }

    [Fact]
    public async Task A_walk_in_renewal_at_the_window_replaces_the_licence_the_clerk_chose_with_the_applicant()
    {
        const string premises = "云溪县城关镇新华路66号", person = "361131199003150041";
        string first = "", renewal = "";
        async Task ApproveAsync(string number, string shot)
        {
            var reviewer = await portal.NewPageAsync();
            await Journeys.RunAsync(reviewer, async () =>
            {
                await Journeys.LoginAsync(reviewer, "reviewer");
                await Journeys.ApproveEveryStepAsync(reviewer, number);
            }, shot);
        }

        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            first = await Journeys.AcceptFoodLicenceAsync(clerk, person: person, operatorName: "云溪县城关镇李记茶饮店", premises: premises);
        }, "Walk_in_renewal_first_licence_taken_in");
        await ApproveAsync(first, "Walk_in_renewal_first_licence_approved");

        var again = await portal.NewPageAsync();
        await Journeys.RunAsync(again, async () =>
        {
            await Journeys.LoginAsync(again, "clerk");
            await again.GotoAsync($"/window/intake/000104004001?id={person}");
            var option = again.GetByTestId("replaces-option").Filter(new() { HasText = premises });
            await Expect(option).ToHaveCountAsync(1);
            await Journeys.FillFoodShopAsync(again, "云溪县城关镇李记茶饮店", person, premises);
            await Journeys.TickAllMaterialsAsync(again);

            // No licence chosen: told beside the choice, and nothing typed is lost.
            await again.GetByTestId("accept").ClickAsync();
            await Expect(again.GetByTestId("replaces-error")).ToContainTextAsync("请选择要延续的证照");
            await Expect(again.Locator("#field-operating_address")).ToHaveValueAsync(premises);

            await again.GetByTestId("replaces-option").Filter(new() { HasText = premises }).ClickAsync();
            await again.GetByTestId("accept").ClickAsync();
            await Expect(again.GetByTestId("acceptance-notice")).ToContainTextAsync("予以受理");
            renewal = (await again.GetByTestId("case-number").InnerTextAsync()).Trim();
        }, "Walk_in_renewal_chosen_and_accepted");

        await ApproveAsync(renewal, "Walk_in_renewal_approved");

        var wallet = await portal.NewPageAsync();
        await Journeys.RunAsync(wallet, async () =>
        {
            await Journeys.LoginAsync(wallet, "13900139000");
            await wallet.GotoAsync("/my/licences");
            var shop = wallet.GetByTestId("wallet-licence").Filter(new() { HasText = premises });
            await Expect(shop).ToHaveCountAsync(2);
            await Expect(shop.Filter(new() { HasText = "已换发" })).ToHaveCountAsync(1);
            await Expect(shop.Locator(".badge", new() { HasText = "有效" })).ToHaveCountAsync(1);
            // The shops applied for online are untouched.
            await Expect(wallet.GetByTestId("wallet-licence").Filter(new() { HasText = "已换发" }).Filter(new() { HasNotText = premises })).ToHaveCountAsync(0);
        }, "Walk_in_renewal_wallet");
    }
}
