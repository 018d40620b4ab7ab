using System.Net;
using GovService.IntegrationTests.Infrastructure;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed class LoginTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Credentials(string account, string password) => new() { ["Account"] = account, ["Password"] = password };

    [Theory]
    [InlineData(Demo.CitizenId)]
    [InlineData(Demo.CitizenMobile)]
    [InlineData("clerk")]
    public async Task A_user_signs_in_with_id_number_mobile_or_user_name(string account)
    {
        using var browser = portal.NewBrowser();
        await browser.LoginAsync(account);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_telling_which_part_was_wrong()
    {
        using var browser = portal.NewBrowser();
        var response = await browser.SubmitAsync("/account/login", "/account/login", Credentials("clerk", "wrong-password-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("账号或密码错误", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var browser = portal.NewBrowser();
        for (var i = 0; i < 9; i++)
        {
            var wrong = await browser.SubmitAsync("/account/login", "/account/login", Credentials(Demo.CitizenId, $"wrong-{i}-password"));
            Assert.Contains("账号或密码错误", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var tenth = await browser.SubmitAsync("/account/login", "/account/login", Credentials(Demo.CitizenId, "wrong-10-password"));
        Assert.Contains("账号已锁定", await tenth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await browser.SubmitAsync("/account/login", "/account/login", Credentials(Demo.CitizenId, Demo.Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账号已锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_posted_without_the_antiforgery_token_is_refused()
    {
        using var browser = portal.NewBrowser();
        var response = await browser.PostWithoutTokenAsync("/account/login", Credentials("clerk", Demo.Password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task After_logging_out_the_account_page_asks_for_a_login_again()
    {
        using var browser = portal.NewBrowser();
        await browser.LoginAsync("clerk");
        await browser.SubmitAsync("/", "/account/logout", new Dictionary<string, string>());

        var response = await browser.GetAsync("/account/me");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_page_masks_the_id_number_and_mobile()
    {
        using var browser = portal.NewBrowser();
        await browser.LoginAsync(Demo.CitizenId);
        var html = await browser.GetPageAsync("/account/me");

        Assert.Contains("361131********0026", html, StringComparison.Ordinal);
        Assert.Contains("138****8000", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.CitizenId, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored_after_login()
    {
        using var browser = portal.NewBrowser();
        var response = await browser.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Account"] = "clerk",
            ["Password"] = Demo.Password,
            ["ReturnUrl"] = "https://evil.example/phish",
        });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
