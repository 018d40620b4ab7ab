using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

[Collection(BrowserTests.Name)]
public sealed class StaffJourneyTests(PortalProcess portal)
{
    private static readonly string[] AdminOnly = ["行政区划", "部门管理", "工作人员", "后台任务"];

    [Theory]
    [InlineData("clerk", "窗口工作台", "云溪县政务服务中心")]
    [InlineData("chief", "首席代表工作台", "云溪县政务服务中心")]
    [InlineData("reviewer", "审批工作台", "云溪县市场监督管理局")]
    [InlineData("supervisor", "监察工作台", "负责范围：云溪县")]
    [InlineData("agent", "代办服务台", "负责范围：桃源村")]
    public async Task A_staff_member_signs_in_and_sees_only_their_own_desk(string account, string desk, string workplace)
    {
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await Journeys.LoginAsync(page, account);
            var nav = page.GetByTestId("nav");
            foreach (var item in AdminOnly)
            {
                await Expect(nav).Not.ToContainTextAsync(item);
            }

            await nav.GetByRole(AriaRole.Link, new() { Name = desk }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync(workplace);

            var denied = await page.GotoAsync("/ops/jobs");
            Assert.Equal(403, denied!.Status);
        }, $"{nameof(A_staff_member_signs_in_and_sees_only_their_own_desk)}_{account}");
    }

    [Fact]
    public async Task An_administrator_sees_the_admin_menu_and_the_job_dashboard_with_the_calendar_job()
    {
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await Journeys.LoginAsync(page, "admin");
            var nav = page.GetByTestId("nav");
            foreach (var item in AdminOnly)
            {
                await Expect(nav).ToContainTextAsync(item);
            }

            await page.GotoAsync("/ops/jobs/recurring");
            await Expect(page.Locator("body")).ToContainTextAsync("calendar.coverage-check");
            await Expect(page.Locator("body")).ToContainTextAsync("周期性作业"); // Hangfire's own Chinese
        });
    }

    [Fact]
    public async Task An_administrator_imports_next_years_holiday_notice_from_a_file()
    {
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await Journeys.LoginAsync(page, "admin");
            await page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "工作日历" }).ClickAsync();
            await Expect(page.Locator("main")).Not.ToContainTextAsync("测试导入的2027年安排");
            await Expect(page.GetByTestId("calendar-year-origin").First).ToContainTextAsync("随系统初始化载入");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("seed");

            var notice = """{"year":2027,"source":"测试导入的2027年安排","days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""";
            await page.GetByLabel("安排文件（JSON）").SetInputFilesAsync(new FilePayload { Name = "2027.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(notice) });
            await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();

            await Expect(page.Locator(".alert-success")).ToContainTextAsync("节假日安排已导入");
            await Expect(page.Locator("main")).ToContainTextAsync("测试导入的2027年安排");
            await Expect(page.Locator("[data-testid=calendar-year][data-year='2027']")).ToContainTextAsync("管理员 admin 于");

            // The real Hangfire server of the portal process runs the coverage job when asked.
            await page.GetByRole(AriaRole.Button, new() { Name = "立即检查" }).ClickAsync();
            await Expect(page.Locator(".alert-success")).ToContainTextAsync("检查任务已提交后台执行");
            for (var attempt = 0; attempt < 30 && await page.GetByTestId("coverage-check").CountAsync() == 0; attempt++)
            {
                await Task.Delay(1000);
                await page.ReloadAsync();
            }

            await Expect(page.GetByTestId("coverage-check")).ToContainTextAsync("最近一次检查");

            await page.GetByLabel("起算日（受理日）").FillAsync("2026-09-29");
            await page.GetByLabel("工作日数").FillAsync("5");
            await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
            await Expect(page.GetByTestId("computed")).ToContainTextAsync("截止日为 2026-10-12");
        });
    }

    [Fact]
    public async Task An_administrator_adds_a_department_and_a_wrong_credit_code_is_explained_next_to_the_field()
    {
        var page = await portal.NewPageAsync();
        await Journeys.RunAsync(page, async () =>
        {
            await Journeys.LoginAsync(page, "admin");
            await page.GotoAsync("/admin/departments/new");
            await page.GetByLabel("部门名称").FillAsync("云溪县林业局");
            await page.GetByLabel("简称").FillAsync("林业局");
            await page.GetByLabel("统一社会信用代码").FillAsync("1136113101425398X0");
            await page.GetByLabel("所属区划").SelectOptionAsync(new SelectOptionValue { Label = "云溪县（361131000000）" });
            await page.GetByLabel("联系电话").FillAsync("0793-7321200");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

            await Expect(page.Locator("[data-valmsg-for='CreditCode']")).ToContainTextAsync("统一社会信用代码不正确");
            await Expect(page.GetByLabel("部门名称")).ToHaveValueAsync("云溪县林业局");
        });
    }
}
