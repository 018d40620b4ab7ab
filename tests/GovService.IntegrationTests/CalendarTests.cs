using System.Net;
using System.Text;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Calendar.Domain;
using GovService.Web.Modules.Calendar.Jobs;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

[Collection(PortalTests.Name)]
public sealed class CalendarTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Notice2027 = """
        {"year":2027,"source":"测试用2027年安排","days":[
          {"name":"元旦","date":"2027-01-01","isOffDay":true},
          {"name":"春节","date":"2027-02-06","isOffDay":false},
          {"name":"春节","date":"2027-02-08","isOffDay":true}
        ]}
        """;

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Reads the calendar the way every module does, through the shared-kernel interface.</summary>
    private async Task<WorkingCalendar> CalendarAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkingCalendarProvider>().GetAsync();
    }

    private static Task<HttpResponseMessage> Upload(Browser admin, string json) =>
        admin.UploadAsync("/admin/calendar", "/admin/calendar/import", "notice", "notice.json", Encoding.UTF8.GetBytes(json), "application/json");

    [Fact]
    public async Task The_seed_loads_the_2025_and_2026_notices()
    {
        var years = await portal.WithDbAsync(db => db.Set<CalendarYear>().Select(y => y.Year).OrderBy(y => y).ToListAsync());

        Assert.Equal([2025, 2026], years);
        Assert.True(await portal.WithDbAsync(db => db.Set<CalendarDay>().AnyAsync(d => d.Date == new DateOnly(2026, 10, 10) && !d.IsOffDay)));
    }

    [Fact]
    public async Task An_administrator_imports_a_new_year_and_deadlines_into_it_stop_being_provisional()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        var before = (await CalendarAsync()).AddWorkingDays(new DateOnly(2026, 12, 30), 5);
        Assert.True(before.IsProvisional);

        var response = await Upload(admin, Notice2027);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await CalendarAsync()).AddWorkingDays(new DateOnly(2026, 12, 30), 5);
        Assert.False(after.IsProvisional);
        Assert.Equal(new DateOnly(2027, 1, 7), after.End); // 1-1 is now a holiday
        var year = await portal.WithDbAsync(db => db.Set<CalendarYear>().SingleAsync(y => y.Year == 2027));
        Assert.Equal("admin", year.ImportedBy);
    }

    [Fact]
    public async Task The_calendar_page_says_in_words_where_each_years_notice_came_from()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        static List<string> Origins(string page) =>
            [.. System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"calendar-year-origin\">([^<]*)<").Select(m => m.Groups[1].Value)];

        var page = await admin.GetPageAsync("/admin/calendar");
        Assert.Equal(2, Origins(page).Count);
        Assert.All(Origins(page), o => Assert.StartsWith("（随系统初始化载入，", o, StringComparison.Ordinal));
        Assert.DoesNotContain("seed", page, StringComparison.Ordinal);
        Assert.Contains("国务院办公厅关于2026年部分节假日安排的通知", page, StringComparison.Ordinal);

        // A file naming no source: the year's notice is named for what it is, and who imported it when.
        Assert.Equal(HttpStatusCode.Redirect, (await Upload(admin, """{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""")).StatusCode);
        page = await admin.GetPageAsync("/admin/calendar");
        Assert.Contains("2027年节假日安排（导入文件未注明发文）", page, StringComparison.Ordinal);
        Assert.Equal("（管理员 admin 于 2026-11-23 09:00 上传导入）", Origins(page)[2]);

        var english = Origins(await admin.GetPageAsync("/admin/calendar?culture=en"));
        Assert.StartsWith("(loaded at set-up, ", english[0], StringComparison.Ordinal);
        Assert.Equal("(imported from a file by the administrator admin at 2026-11-23 09:00)", english[2]);
    }

    [Fact]
    public async Task A_wrong_file_is_refused_with_every_problem_listed_and_nothing_changes()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        var response = await Upload(admin, """{"year":2027,"days":[{"name":"元旦","date":"2027-01-32","isOffDay":true},{"name":"春节","date":"2027-02-08","isOffDay":false}]}""");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await admin.GetPageAsync("/admin/calendar");
        Assert.Contains("文件未导入", page, StringComparison.Ordinal);
        Assert.Contains("2027-01-32", page, StringComparison.Ordinal);
        Assert.Contains("调休上班日只能是周六或周日", page, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Set<CalendarYear>().AnyAsync(y => y.Year == 2027)));
    }

    [Fact]
    public async Task The_deadline_calculator_explains_the_national_day_holiday()
    {
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        var page = await admin.GetPageAsync("/admin/calendar?start=2026-09-29&days=5");

        Assert.Contains("截止日为 2026-10-12", page, StringComparison.Ordinal);
        Assert.Contains("10-10", page, StringComparison.Ordinal);
        Assert.Contains("国庆节", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coverage_job_warns_in_late_november_that_next_years_notice_is_missing()
    {
        portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(8)));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CalendarCoverageJob>().RunAsync(CancellationToken.None);
        }

        var check = await portal.WithDbAsync(db => db.Set<CalendarCoverageCheck>().OrderByDescending(c => c.Id).FirstAsync());
        Assert.True(check.NextYearMissing);
        Assert.False(check.CurrentYearMissing);
        Assert.Equal(new DateOnly(2026, 11, 23), check.Today);

        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        Assert.Contains("2027年节假日安排尚未载入", await admin.GetPageAsync("/admin/calendar"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coverage_job_is_satisfied_in_spring()
    {
        portal.Clock.Set(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.FromHours(8)));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CalendarCoverageJob>().RunAsync(CancellationToken.None);
        }

        var check = await portal.WithDbAsync(db => db.Set<CalendarCoverageCheck>().OrderByDescending(c => c.Id).FirstAsync());
        Assert.False(check.NextYearMissing);
        Assert.False(check.CurrentYearMissing);
    }
}
