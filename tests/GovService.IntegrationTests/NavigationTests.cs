using System.Net;
using GovService.IntegrationTests.Infrastructure;

namespace GovService.IntegrationTests;

/// <summary>Each role sees its own navigation and nothing else; the admin pages and the job dashboard are for administrators only.</summary>
[Collection(PortalTests.Name)]
public sealed class NavigationTests(PortalFactory portal) : IAsyncLifetime
{
    private static readonly string[] AllNavs = ["citizen", "agent", "clerk", "chief", "reviewer", "supervisor", "admin"];

    public static readonly string[] AdminPages =
    [
        "/admin/regions", "/admin/regions/new", "/admin/departments", "/admin/departments/new",
        "/admin/halls", "/admin/halls/new", "/admin/staff", "/admin/staff/new", "/admin/calendar", "/ops/jobs",
        "/admin/catalog", "/admin/catalog/new", "/admin/catalog/export",
    ];

    public Task InitializeAsync() => portal.ResetForReadingAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Demo.CitizenId, "citizen", "个人中心")]
    [InlineData("agent", "agent", "代办服务台")]
    [InlineData("clerk", "clerk", "窗口工作台")]
    [InlineData("chief", "chief", "首席代表工作台")]
    [InlineData("reviewer", "reviewer", "审批工作台")]
    [InlineData("supervisor", "supervisor", "监察工作台")]
    [InlineData("admin", "admin", "后台任务")]
    public async Task Each_role_sees_only_its_own_navigation(string account, string nav, string label)
    {
        using var browser = portal.NewBrowser();
        await browser.LoginAsync(account);
        var html = await browser.GetPageAsync("/");

        Assert.Contains($"data-nav=\"{nav}\"", html, StringComparison.Ordinal);
        Assert.Contains(label, html, StringComparison.Ordinal);
        foreach (var other in AllNavs.Where(n => n != nav))
        {
            Assert.DoesNotContain($"data-nav=\"{other}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_login_and_register_only()
    {
        using var browser = portal.NewBrowser();
        var html = await browser.GetPageAsync("/");

        Assert.DoesNotContain("data-nav=", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/register\"", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> AdminPageData() => [.. AdminPages];

    [Theory]
    [MemberData(nameof(AdminPageData))]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page(string path)
    {
        using var browser = portal.NewBrowser();
        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> NonAdminOnAdminPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var account in new[] { Demo.CitizenId, "agent", "clerk", "chief", "reviewer", "supervisor" })
        {
            foreach (var page in AdminPages)
            {
                data.Add(account, page);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NonAdminOnAdminPages))]
    public async Task Everyone_but_an_administrator_gets_403_on_admin_pages(string account, string path)
    {
        using var browser = portal.NewBrowser();
        await browser.LoginAsync(account);
        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminPageData))]
    public async Task An_administrator_opens_every_admin_page(string path)
    {
        using var browser = portal.NewBrowser();
        await browser.LoginAsync("admin");
        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Demo.CitizenId, HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("clerk", HttpStatusCode.OK)]
    [InlineData("reviewer", HttpStatusCode.OK)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("agent", HttpStatusCode.OK)]
    public async Task The_workplace_is_for_staff_who_work_somewhere(string account, HttpStatusCode expected)
    {
        using var browser = portal.NewBrowser();
        await browser.LoginAsync(account);

        Assert.Equal(expected, (await browser.GetAsync("/workplace")).StatusCode);
    }

    [Fact]
    public async Task A_clerks_workplace_shows_the_hall_and_its_windows()
    {
        using var browser = portal.NewBrowser();
        await browser.LoginAsync("clerk");
        var html = await browser.GetPageAsync("/workplace");

        Assert.Contains("云溪县政务服务中心", html, StringComparison.Ordinal);
        Assert.Contains("统一出件窗口", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_township_supervisors_workplace_covers_only_that_township()
    {
        using var browser = portal.NewBrowser();
        await browser.LoginAsync("supervisor.taoyuan");
        var html = await browser.GetPageAsync("/workplace");

        Assert.Contains("桃源乡便民服务中心", html, StringComparison.Ordinal);
        Assert.Contains("桃源村便民服务站", html, StringComparison.Ordinal);
        Assert.DoesNotContain("石门镇便民服务中心", html, StringComparison.Ordinal);
        Assert.DoesNotContain("云溪县政务服务中心", html, StringComparison.Ordinal);
    }
}
