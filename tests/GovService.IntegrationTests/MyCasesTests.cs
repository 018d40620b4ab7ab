using System.Net;
using GovService.IntegrationTests.Infrastructure;

namespace GovService.IntegrationTests;

/// <summary>A citizen sees their own cases and never another's.</summary>
[Collection(PortalTests.Name)]
public sealed class MyCasesTests(PortalFactory portal) : IAsyncLifetime
{
    private const string ZhangWeisCase = "3611312026110300001";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_citizen_sees_their_cases_with_state_and_promised_date()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);

        var list = await zhang.GetPageAsync("/my/cases");
        Assert.Contains("食品经营许可（新办）", list, StringComparison.Ordinal);
        Assert.Contains("居住证办理", list, StringComparison.Ordinal);

        var detail = await zhang.GetPageAsync($"/my/cases/{ZhangWeisCase}");
        Assert.Contains("审批中", detail, StringComparison.Ordinal);
        Assert.Contains("2026-11-10", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seeded_cases_show_who_accepted_them_the_materials_and_for_the_completed_one_its_collection()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);

        var inReview = await zhang.GetPageAsync($"/my/cases/{ZhangWeisCase}");
        Assert.Contains("受理", inReview, StringComparison.Ordinal);
        Assert.Contains("李娜", inReview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"notice-acceptance\"", inReview, StringComparison.Ordinal);
        Assert.DoesNotContain("暂无办理记录", inReview, StringComparison.Ordinal);
        Assert.Contains("已收取", inReview, StringComparison.Ordinal);
        Assert.Contains("食品经营许可（新办）", await zhang.GetPageAsync($"/my/cases/{ZhangWeisCase}/notices/acceptance"), StringComparison.Ordinal);

        var completed = await zhang.GetPageAsync("/my/cases/3611312026102000002");
        Assert.Contains("出件办结", completed, StringComparison.Ordinal);
        Assert.Contains("窗口领取，领取人 张*", completed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_citizen_cannot_see_or_even_detect_the_case()
    {
        using var li = portal.NewBrowser();
        await li.LoginAsync("13900139000");

        Assert.Contains("data-testid=\"no-cases\"", await li.GetPageAsync("/my/cases"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await li.GetAsync($"/my/cases/{ZhangWeisCase}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await li.GetAsync("/my/cases/3611312026110399999")).StatusCode);
    }

    [Fact]
    public async Task A_citizen_withdraws_an_undecided_case_but_not_a_completed_one()
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);

        var withdrawn = await zhang.SubmitAsync($"/my/cases/{ZhangWeisCase}", $"/my/cases/{ZhangWeisCase}/withdraw", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("已撤回", await zhang.GetPageAsync($"/my/cases/{ZhangWeisCase}"), StringComparison.Ordinal);

        await zhang.SubmitAsync("/my/cases/3611312026102000002", "/my/cases/3611312026102000002/withdraw", new Dictionary<string, string>());
        var completed = await zhang.GetPageAsync("/my/cases/3611312026102000002");
        Assert.Contains("不能撤回", completed, StringComparison.Ordinal);
        Assert.Contains("已办结", completed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_withdraws_another_citizens_case()
    {
        using var li = portal.NewBrowser();
        await li.LoginAsync("13900139000");
        var page = await li.GetPageAsync("/my/cases");
        var token = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]);

        var response = await li.Client.PostAsync(new Uri($"/my/cases/{ZhangWeisCase}/withdraw", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("admin")]
    public async Task Staff_have_no_citizen_case_pages(string account)
    {
        using var staff = portal.NewBrowser();
        await staff.LoginAsync(account);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/my/cases")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_asked_to_log_in()
    {
        using var anonymous = portal.NewBrowser();
        var response = await anonymous.GetAsync("/my/cases");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
