using System.Runtime.CompilerServices;
using Microsoft.Playwright;

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

    /// <summary>The reviewer (signed in on <paramref name="reviewer"/>) claims and passes 材料审查 of the food licence <paramref name="number"/>, then claims and grants 审批决定.</summary>
    public static async Task ApproveFoodLicenceAsync(IPage reviewer, string number)
    {
        foreach (var step in new[] { "材料审查", "审批决定" })
        {
            await reviewer.GotoAsync("/review");
            var row = reviewer.Locator($"[data-testid=queue-row][data-number='{number}']");
            await Assertions.Expect(row).ToContainTextAsync(step);
            await row.GetByTestId("claim").ClickAsync();
            if (step == "材料审查")
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
