using System.Net;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Hall.Contracts;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.IntegrationTests;

/// <summary>
/// Issue 29 items 3 (appointment check-in) and 8 (自助端): the kiosk's check-in and the owner's remote check-in giving one
/// priority ticket atomically, 办件查询 and 打印证照 by text-message code at the kiosk, with every bad input answered on the
/// form. "Today" is the seeded Monday 2026-11-23, 09:00.
/// </summary>
[Collection(PortalTests.Name)]
public sealed partial class HallKioskTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Guid> HallAsync(string name = "云溪县政务服务中心") =>
        portal.WithDbAsync(db => db.Set<ServiceHall>().Where(h => h.Name == name).Select(h => h.Id).SingleAsync());

    private async Task<Browser> CitizenAsync(string account = Demo.CitizenId)
    {
        var browser = portal.NewBrowser();
        await browser.LoginAsync(account);
        return browser;
    }

    /// <summary>张伟 books a food licence at the county centre on <paramref name="day"/> at <paramref name="slot"/>.</summary>
    private async Task<Appointment> BookAsync(Guid hall, string day, string slot)
    {
        using var zhang = await CitizenAsync();
        var booked = await zhang.SubmitAsync($"/appointments/new?item={FoodLicence}", "/appointments/new",
            new Dictionary<string, string> { ["Item"] = FoodLicence, ["Hall"] = hall.ToString(), ["Day"] = day, ["Slot"] = slot });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var id = Guid.Parse(booked.Headers.Location!.OriginalString.Split('/').Last());
        return await AppointmentAsync(id);
    }

    private Task<Appointment> AppointmentAsync(Guid id) => portal.WithDbAsync(db => db.Set<Appointment>().AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<List<Ticket>> TicketsAsync() => portal.WithDbAsync(db => db.Set<Ticket>().AsNoTracking().ToListAsync());

    private static Task<HttpResponseMessage> KioskCheckInAsync(Browser kiosk, Guid hall, string code) =>
        kiosk.SubmitAsync($"/hall/{hall}/kiosk/check-in", $"/hall/{hall}/kiosk/check-in", new Dictionary<string, string> { ["code"] = code });

    [Fact]
    public async Task The_kiosk_menu_offers_the_four_functions_in_large_text_and_keeps_nothing()
    {
        var hall = await HallAsync();
        using var kiosk = portal.NewBrowser();
        var home = await kiosk.GetAsync($"/hall/{hall}/kiosk");
        Assert.Contains("no-store", home.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.False(home.Headers.Contains("Set-Cookie") && home.Headers.GetValues("Set-Cookie").Any(c => c.Contains("Identity", StringComparison.Ordinal)));
        var page = await home.Content.ReadAsStringAsync();
        foreach (var function in new[] { "取号", "预约签到", "办件查询", "打印证照" })
        {
            Assert.Contains(function, page, StringComparison.Ordinal);
        }

        // Every kiosk page resets to the menu after 60 s without a touch.
        foreach (var url in new[] { "", "/ticket", "/check-in", "/case", "/licences" })
        {
            var html = await kiosk.GetPageAsync($"/hall/{hall}/kiosk{url}");
            Assert.Contains($"data-idle-reset=\"/hall/{hall}/kiosk\"", html, StringComparison.Ordinal);
            Assert.Contains("hall-kiosk.js", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await kiosk.GetAsync($"/hall/{Guid.NewGuid()}/kiosk")).StatusCode);
    }

    [Fact]
    public async Task Two_kiosks_typing_the_same_code_at_once_get_one_priority_ticket_and_the_citizen_is_told_in_the_inbox_and_by_text()
    {
        var hall = await HallAsync();
        var booking = await BookAsync(hall, "2026-11-23", "10:00");
        var kiosks = Enumerable.Range(0, 4).Select(_ => portal.NewBrowser()).ToList();
        foreach (var k in kiosks)
        {
            await k.GetPageAsync($"/hall/{hall}/kiosk/check-in");
        }

        var answers = await Task.WhenAll(kiosks.Select(k => KioskCheckInAsync(k, hall, booking.CheckInCode)));

        var slip = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a != slip), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        foreach (var refused in answers.Where(a => a != slip))
        {
            Assert.Contains("该预约已签到取号", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var ticket = Assert.Single(await TicketsAsync());
        Assert.Equal(booking.Id, ticket.AppointmentId);
        Assert.Equal(TicketSource.Appointment, ticket.Source);
        Assert.True(ticket.Priority.HasFlag(PriorityReason.Appointment));
        Assert.Equal(GovService.Web.Modules.Organization.Contracts.WindowCategory.Business, ticket.Category);
        Assert.Equal(booking.UserId, ticket.AccountId);
        Assert.Equal(Demo.CitizenId, ticket.IdNumber);
        Assert.Equal(FoodLicence, ticket.ItemCode);
        Assert.Equal(AppointmentState.Arrived, (await AppointmentAsync(booking.Id)).State);

        var slipPage = await kiosks[0].GetPageAsync(slip.Headers.Location!.OriginalString);
        Assert.Contains("预约优先", slipPage, StringComparison.Ordinal);
        Assert.Contains(ticket.Code, slipPage, StringComparison.Ordinal);
        Assert.Contains($"data-idle-reset=/hall/{hall}/kiosk", slipPage, StringComparison.Ordinal);

        var told = $"您已签到，排队号{ticket.Code}，前面还有0人";
        Assert.True(await portal.WithDbAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.UserId == booking.UserId && m.Body.Contains(told))));
        Assert.True(await portal.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Recipient == Demo.CitizenMobile && m.Body.Contains(told))));
        kiosks.ForEach(k => k.Dispose());
    }

    [Theory]
    [InlineData("123456", "签到码不正确")]
    [InlineData("' OR 1=1 --", "签到码不正确")]
    [InlineData("12\u00003456", "签到码不正确")]
    [InlineData("", "签到码不正确")]
    [InlineData("1234567890123456789012345", "")]
    public async Task A_wrong_or_hostile_code_gets_a_message_next_to_the_field_and_no_booking_changes(string code, string message)
    {
        var hall = await HallAsync();
        var booking = await BookAsync(hall, "2026-11-23", "10:00");
        using var kiosk = portal.NewBrowser();
        var answer = await KioskCheckInAsync(kiosk, hall, code);
        if (code.Contains('\0', StringComparison.Ordinal))
        {
            // The portal refuses control characters in any input before it reaches the page (400, never a 500).
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal(AppointmentState.Booked, (await AppointmentAsync(booking.Id)).State);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"kiosk-check-in-error\"", page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Equal(AppointmentState.Booked, (await AppointmentAsync(booking.Id)).State);
        Assert.Empty(await TicketsAsync());
    }

    [Fact]
    public async Task Another_days_code_and_another_halls_kiosk_are_refused_with_their_reason_and_the_booking_stays_booked()
    {
        var hall = await HallAsync();
        var tomorrow = await BookAsync(hall, "2026-11-24", "10:00");
        using var kiosk = portal.NewBrowser();
        Assert.Contains("不是今天的预约", await (await KioskCheckInAsync(kiosk, hall, tomorrow.CheckInCode)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var today = await BookAsync(hall, "2026-11-23", "10:00");
        var township = await HallAsync("桃源乡便民服务中心");
        Assert.Contains("签到码不正确", await (await KioskCheckInAsync(kiosk, township, today.CheckInCode)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AppointmentState.Booked, (await AppointmentAsync(today.Id)).State);
        Assert.Equal(AppointmentState.Booked, (await AppointmentAsync(tomorrow.Id)).State);
        Assert.Empty(await TicketsAsync());
    }

    [Fact]
    public async Task The_owner_checks_in_from_the_phone_from_30_minutes_before_the_slot_to_its_end_and_sees_the_ticket()
    {
        var hall = await HallAsync();
        var booking = await BookAsync(hall, "2026-11-23", "10:00");
        var zhang = await CitizenAsync();

        // 09:00: too early — the list says from when, and a post is refused with the reason.
        Assert.Contains("可于09:30起到达签到取号", await zhang.GetPageAsync("/my/appointments"), StringComparison.Ordinal);
        var early = await zhang.SubmitAsync("/my/appointments", $"/my/appointments/{booking.Id}/check-in", []);
        Assert.Equal("/my/appointments", early.Headers.Location!.OriginalString);
        Assert.Contains("还未到签到时间", await zhang.GetPageAsync("/my/appointments"), StringComparison.Ordinal);
        Assert.Equal(AppointmentState.Booked, (await AppointmentAsync(booking.Id)).State);

        // Someone else's booking does not exist for 李秀英.
        using var li = await CitizenAsync("361131199003150041");
        Assert.Equal(HttpStatusCode.NotFound, (await li.SubmitAsync("/my/appointments", $"/my/appointments/{booking.Id}/check-in", [])).StatusCode);

        portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 9, 31, 0, China));
        zhang.Dispose();
        zhang = await CitizenAsync(); // signed in again: the session idled out meanwhile
        Assert.Contains("data-testid=\"remote-check-in\"", await zhang.GetPageAsync("/my/appointments"), StringComparison.Ordinal);
        var checkedIn = await zhang.SubmitAsync("/my/appointments", $"/my/appointments/{booking.Id}/check-in", []);
        Assert.Equal($"/my/appointments/{booking.Id}/ticket", checkedIn.Headers.Location!.OriginalString);
        var ticket = Assert.Single(await TicketsAsync());
        var mine = await zhang.GetPageAsync($"/my/appointments/{booking.Id}/ticket");
        Assert.Contains(ticket.Code, mine, StringComparison.Ordinal);
        Assert.Contains("预约优先", mine, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"slip-ahead\">0<", mine, StringComparison.Ordinal);
        using var liAgain = await CitizenAsync("361131199003150041");
        Assert.Equal(HttpStatusCode.NotFound, (await liAgain.GetAsync($"/my/appointments/{booking.Id}/ticket")).StatusCode);

        // Once only: again from the phone, or the code at the kiosk.
        await zhang.SubmitAsync("/my/appointments", $"/my/appointments/{booking.Id}/check-in", []);
        using var kiosk = portal.NewBrowser();
        Assert.Contains("该预约已签到取号", await (await KioskCheckInAsync(kiosk, hall, booking.CheckInCode)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await TicketsAsync());
        Assert.True(await portal.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Recipient == Demo.CitizenMobile && m.Body.Contains($"排队号{ticket.Code}"))));
        zhang.Dispose();
    }

    [Fact]
    public async Task After_the_slot_ended_the_phone_cannot_check_in()
    {
        var hall = await HallAsync();
        var booking = await BookAsync(hall, "2026-11-23", "10:00");
        portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 10, 30, 0, China));
        using var zhang = await CitizenAsync();
        await zhang.SubmitAsync("/my/appointments", $"/my/appointments/{booking.Id}/check-in", []);
        Assert.Contains("预约时段已结束", await zhang.GetPageAsync("/my/appointments"), StringComparison.Ordinal);
        Assert.Equal(AppointmentState.Booked, (await AppointmentAsync(booking.Id)).State);
        Assert.Empty(await TicketsAsync());
    }
}
