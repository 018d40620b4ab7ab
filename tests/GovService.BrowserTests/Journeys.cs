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
