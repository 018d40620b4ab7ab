using System.Net;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Appointments.Contracts;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Hall.Calling;
using GovService.Web.Modules.Hall.Dashboard;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>The hall dashboard (大厅运行监测): today's queues, waits, windows and appointments; the crowd alert and the temporary window.</summary>
public sealed partial class HallTests
{
    private static Dictionary<string, string> Fields(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private async Task<int> WatchAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdWatchJob>().RunAsync(CancellationToken.None);
    }

    private async Task<(Ticket Ticket, string? Error)> ServeAsync(WindowInfo window, TimeSpan service)
    {
        var called = (await CallAsync(window)).Ticket!;
        Assert.Null((await ActAsync(window, called.Id, DeskAction.Start)).Error);
        portal.Clock.Advance(service);
        return (called, (await ActAsync(window, called.Id, DeskAction.Finish)).Error);
    }

    private static string Figure(string page, string testId)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, $"data-testid=\"{testId}\">([^<]*)<");
        Assert.True(match.Success, $"no {testId} on the dashboard");
        return match.Groups[1].Value.Trim();
    }

    [Fact]
    public async Task The_dashboard_shows_waiting_now_average_and_p90_wait_service_per_window_absences_and_the_days_appointments()
    {
        // Six at 09:00 for 综合受理; window 1 calls one every ten minutes from 09:08, each served in two minutes.
        for (var i = 0; i < 6; i++)
        {
            await IssueAsync($"排队{i}");
        }

        var absent = await IssueAsync("企业过号", WindowCategory.Business);
        var window = await WindowAsync(1);
        portal.Clock.Advance(TimeSpan.FromMinutes(8));
        for (var i = 0; i < 5; i++)
        {
            Assert.Null((await ServeAsync(window, TimeSpan.FromMinutes(2))).Error);
            portal.Clock.Advance(TimeSpan.FromMinutes(8));
        }

        var business = await WindowAsync(5);
        Assert.Equal(absent.Id, (await CallAsync(business)).Ticket!.Id);
        Assert.Null((await ActAsync(business, absent.Id, DeskAction.Absent)).Error);

        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        var page = await chief.GetPageAsync("/hall/dashboard");

        // Waits 8, 18, 28, 38, 48 and the absent one's 58 minutes: average 33.0, 90th percentile 53.0.
        Assert.Equal("1", Figure(page, "total-waiting"));
        Assert.Equal("33.0", Figure(page, "total-average-wait"));
        Assert.Equal("53.0", Figure(page, "total-p90-wait"));
        Assert.Equal("5", Figure(page, "total-finished"));
        Assert.Equal("2.0", Figure(page, "total-average-service"));
        Assert.Equal("1", Figure(page, "total-absent"));
        var windowRow = page[page.IndexOf("data-testid=\"window-1\"", StringComparison.Ordinal)..];
        Assert.Equal("5", Figure(windowRow, "served"));
        Assert.Contains("李娜", windowRow[..windowRow.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var comprehensive = page[page.IndexOf("data-testid=\"queue-Comprehensive\"", StringComparison.Ordinal)..];
        Assert.Equal("28.0", Figure(comprehensive, "average-wait"));
        Assert.Equal("44.0", Figure(comprehensive, "p90-wait"));

        // A supervisor of the county sees it read only; one of a township cannot see the county's hall.
        using var supervisor = portal.NewBrowser();
        await supervisor.LoginAsync("supervisor");
        var hall = await CountyHallAsync();
        var read = await supervisor.GetPageAsync($"/hall/dashboard?hall={hall}");
        Assert.Equal("33.0", Figure(read, "total-average-wait"));
        Assert.DoesNotContain("/hall/dashboard/temporary-windows", read, StringComparison.Ordinal);
        using var township = portal.NewBrowser();
        await township.LoginAsync("supervisor.taoyuan");
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/hall/dashboard?hall={hall}")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_counts_the_days_appointments_by_what_became_of_them()
    {
        using var citizen = portal.NewBrowser();
        await citizen.LoginAsync(Demo.CitizenId);
        var hall = await CountyHallAsync();
        foreach (var slot in new[] { "09:30", "10:00" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await citizen.SubmitAsync("/appointments/new?item=000702003000", "/appointments/new",
                Fields(("Item", "000702003000"), ("Hall", hall.ToString()), ("Day", "2026-11-24"), ("Slot", slot)))).StatusCode);
        }

        portal.Clock.Set(new DateTimeOffset(2026, 11, 24, 9, 20, 0, TimeSpan.FromHours(8)));
        var first = await portal.WithDbAsync(db => db.Set<Appointment>().OrderBy(a => a.SlotStarts).FirstAsync());
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<IAppointmentCheckIn>().CheckInAsync(hall, first.CheckInCode, CancellationToken.None));
        }

        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        var page = await chief.GetPageAsync("/hall/dashboard");
        Assert.Equal("2", Figure(page, "appointments-made"));
        Assert.Equal("1", Figure(page, "appointments-arrived"));
    }

    [Fact]
    public async Task Over_five_waiting_half_an_hour_alerts_the_chief_once_who_opens_one_temporary_window_in_one_click_that_a_clerk_calls_from_and_closes_it()
    {
        var hall = await CountyHallAsync();
        for (var i = 0; i < 7; i++)
        {
            await IssueAsync($"企业{i}", WindowCategory.Business);
        }

        // Not yet: nobody has waited over thirty minutes.
        portal.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await WatchAsync());

        // Over: two runs at once (two instances) raise one alert, and the chief representative is told once.
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await Task.WhenAll(WatchAsync(), WatchAsync())).Sum());
        Assert.Equal(0, await WatchAsync());
        var chiefUser = await portal.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Name == "王强").Select(s => s.UserId).SingleAsync());
        var told = await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.UserId == chiefUser && m.Key.StartsWith("hall:crowd:")).ToListAsync());
        Assert.Contains("7人等候超过30分钟", Assert.Single(told).Body, StringComparison.Ordinal);

        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        var page = await chief.GetPageAsync("/hall/dashboard");
        Assert.Contains("data-testid=\"crowd-alert-Business\"", page, StringComparison.Ordinal);

        // A double click: both posts at once open one temporary window, numbered after the hall's last (10).
        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => chief.SubmitAsync("/hall/dashboard", "/hall/dashboard/temporary-windows", Fields(("category", "Business")))));
        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        var temporary = await portal.WithDbAsync(db => db.Set<ServiceWindow>().Where(w => w.HallId == hall && w.TemporaryDay != null).ToListAsync());
        var opened = Assert.Single(temporary);
        Assert.Equal((10, WindowCategory.Business), (opened.Number, opened.Category));
        Assert.Equal(10, (await portal.WithDbAsync(db => db.Set<CrowdAlert>().SingleAsync())).WindowNumber);
        var clerkUser = await portal.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.Name == "李娜").Select(s => s.UserId).SingleAsync());
        Assert.Single(await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.UserId == clerkUser && m.Key.StartsWith("hall:temporary-window:")).ToListAsync()));
        page = await chief.GetPageAsync("/hall/dashboard");
        Assert.Contains("已开设临时窗口 10 号", page, StringComparison.Ordinal);

        // The temporary window is not a standing window (the hall's public page, appointment capacity), but clerks call from it.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var details = (await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().HallDetailsAsync()).Single(h => h.Id == hall);
            Assert.Equal(1, details.WindowsOf(WindowCategory.Business));
        }

        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        Assert.Contains($"/hall/desk/windows/{opened.Id}", await clerk.GetPageAsync("/hall/desk"), StringComparison.Ordinal);
        var panel = $"/hall/desk/windows/{opened.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync(panel, $"{panel}/call", [])).StatusCode);
        var called = await portal.WithDbAsync(db => db.Set<Ticket>().SingleAsync(t => t.WindowId == opened.Id));
        Assert.Equal("B001", called.Code);

        // It cannot close under a call; after service it closes, leaves the desk, and a stale panel's call is refused.
        await chief.SubmitAsync("/hall/dashboard", $"/hall/dashboard/temporary-windows/{opened.Id}/close", []);
        Assert.Contains("10 号窗口正在叫号或办理", await chief.GetPageAsync("/hall/dashboard"), StringComparison.Ordinal);
        var window = new WindowInfo(opened.Id, hall, 10, opened.Name, WindowCategory.Business, Temporary: true);
        Assert.Null((await ActAsync(window, called.Id, DeskAction.Start)).Error);
        Assert.Null((await ActAsync(window, called.Id, DeskAction.Finish)).Error);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.SubmitAsync("/hall/dashboard", $"/hall/dashboard/temporary-windows/{opened.Id}/close", [])).StatusCode);
        Assert.DoesNotContain(panel, await clerk.GetPageAsync("/hall/desk"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.SubmitAsync("/hall/desk", $"{panel}/call", [])).StatusCode);
        Assert.Contains("已关闭", (await CallAsync(window)).Error, StringComparison.Ordinal);

        // The crowd goes (five left waiting): the next run clears the alert. The next busy day reopens window 10.
        var standing = await WindowAsync(5);
        Assert.Null((await ServeAsync(standing, TimeSpan.FromMinutes(1))).Error);
        await WatchAsync();
        Assert.NotNull((await portal.WithDbAsync(db => db.Set<CrowdAlert>().SingleAsync())).ClearedAt);
        portal.Clock.Advance(TimeSpan.FromDays(1));
        await chief.LoginAsync("chief");
        await chief.SubmitAsync("/hall/dashboard", "/hall/dashboard/temporary-windows", Fields(("category", "Business")));
        var again = await portal.WithDbAsync(db => db.Set<ServiceWindow>().Where(w => w.HallId == hall && w.TemporaryDay != null).ToListAsync());
        Assert.Equal(opened.Id, Assert.Single(again).Id);
        Assert.Null(again[0].ClosedAt);
    }

    [Fact]
    public async Task A_temporary_window_is_only_for_a_category_the_hall_has_and_bad_posts_change_nothing()
    {
        using var chief = portal.NewBrowser();
        await chief.LoginAsync("chief");
        Assert.Equal(HttpStatusCode.BadRequest, (await chief.SubmitAsync("/hall/dashboard", "/hall/dashboard/temporary-windows", Fields(("category", "99")))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chief.SubmitAsync("/hall/dashboard", "/hall/dashboard/temporary-windows", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.SubmitAsync("/hall/dashboard", $"/hall/dashboard/temporary-windows/{Guid.NewGuid()}/close", [])).StatusCode);
        Assert.Contains("该临时窗口已关闭", await chief.GetPageAsync("/hall/dashboard"), StringComparison.Ordinal);

        // The township centre has no 企业开办 window: its chief could not open one (through the use case, as there is no such chief login).
        var township = await portal.WithDbAsync(db => db.Set<ServiceHall>().Where(h => h.Name == "桃源乡便民服务中心").Select(h => h.Id).SingleAsync());
        await using var scope = portal.Services.CreateAsyncScope();
        var placement = (await ClerkAsync()) with { HallId = township };
        var result = await scope.ServiceProvider.GetRequiredService<TemporaryWindowActions>().OpenAsync(placement, WindowCategory.Business, CancellationToken.None);
        Assert.Null(result.Window);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Set<ServiceWindow>().CountAsync(w => w.TemporaryDay != null)));
    }
}
