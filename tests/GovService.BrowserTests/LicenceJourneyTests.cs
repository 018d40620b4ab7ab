using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>统一窗口出件 and 证照核验 as people live them: township pickup, QR verification, revocation.</summary>
[Collection(BrowserTests.Name)]
public sealed class LicenceJourneyTests(PortalProcess portal)
{
    [Fact]
    public async Task The_township_clerk_hands_over_the_licence_the_citizen_scans_it_valid_and_after_revocation_it_says_revoked()
    {
        string number = "", verifyUrl = "";
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk.taoyuan");
            await clerk.GotoAsync("/window/intake/000104004000?id=361131198506120026");
            var boxes = clerk.GetByTestId("intake-materials").GetByRole(AriaRole.Checkbox);
            for (var i = 0; i < await boxes.CountAsync(); i++)
            {
                await boxes.Nth(i).CheckAsync();
            }

            await clerk.GetByTestId("accept").ClickAsync();
            number = (await clerk.GetByTestId("case-number").InnerTextAsync()).Trim();
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
            await Expect(citizen.GetByTestId("verify-holder")).ToHaveTextAsync("张*");
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
}
