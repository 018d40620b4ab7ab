using System.Net;
using System.Text.RegularExpressions;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Appointments.Contracts;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Appointments.Jobs;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>
/// Issue 29 items 1 and 2: the halls' service hours on the hall page and the guide, and the appointment book — booking
/// from the guide, every refusal with its message, the last place and the per-person limit under parallel posts, 改约,
/// cancel, the reminder the day before, the no-show sweep and bar, and the check-in contract. "Today" is the seeded
/// Monday 2026-11-23, 09:00.
/// </summary>
[Collection(PortalTests.Name)]
public sealed partial class AppointmentTests(PortalFactory portal) : IAsyncLifetime
{
    private const string FoodLicence = "000104004000";
    private const string Marriage = "000702003000";
    private const string CountyCentre = "云溪县政务服务中心";
    private const string OtherCitizen = "361131199003150041";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string[] MorningSlots = ["09:00", "09:30", "10:00", "10:30"];

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Guid> HallAsync(string name) => portal.WithDbAsync(db => db.Set<ServiceHall>().Where(h => h.Name == name).Select(h => h.Id).SingleAsync());

    private static Task<HttpResponseMessage> BookAsync(Browser citizen, string item, Guid hall, string day, string slot) =>
        citizen.SubmitAsync($"/appointments/new?item={item}", "/appointments/new",
            new Dictionary<string, string> { ["Item"] = item, ["Hall"] = hall.ToString(), ["Day"] = day, ["Slot"] = slot });

    private async Task<Browser> CitizenAsync(string account = Demo.CitizenId)
    {
        var browser = portal.NewBrowser();
        await browser.LoginAsync(account);
        return browser;
    }

    /// <summary>张伟 at 09:30 and 李秀英 at 10:00 tomorrow, both for a food licence at the county centre (one place per slot).</summary>
    private async Task<(Guid Hall, Browser Zhang, Browser Li)> TwoBookingsTomorrowAsync()
    {
        var hall = await HallAsync(CountyCentre);
        var zhang = await CitizenAsync();
        var li = await CitizenAsync(OtherCitizen);
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(zhang, FoodLicence, hall, "2026-11-24", "09:30")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(li, FoodLicence, hall, "2026-11-24", "10:00")).StatusCode);
        return (hall, zhang, li);
    }

    private Task<List<Appointment>> BookingsAsync() => portal.WithDbAsync(db => db.Set<Appointment>().AsNoTracking().OrderBy(a => a.BookedAt).ToListAsync());

    private async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task The_guide_lists_the_halls_that_handle_the_item_with_their_hours_and_the_hall_page_shows_extended_and_saturday_hours()
    {
        using var anonymous = portal.NewBrowser();
        var guide = await anonymous.GetPageAsync($"/services/{FoodLicence}");
        Assert.Contains("data-testid=\"guide-halls\"", guide, StringComparison.Ordinal);
        Assert.Contains(CountyCentre, guide, StringComparison.Ordinal);
        Assert.Contains("周一至周五 08:30–12:00、14:30–17:30", guide, StringComparison.Ordinal);
        Assert.Contains("延时服务：周二、周四 17:30–19:00", guide, StringComparison.Ordinal);
        Assert.Contains("错时服务（仅限预约）：周六 09:00–12:00", guide, StringComparison.Ordinal);
        Assert.Contains("/appointments/new?item=" + FoodLicence, guide, StringComparison.Ordinal);
        // 食品经营许可 is handled at the 企业开办 window, which only the county centre has.
        Assert.DoesNotContain("桃源乡便民服务中心", guide, StringComparison.Ordinal);

        var marriage = await anonymous.GetPageAsync($"/services/{Marriage}");
        Assert.Contains("桃源乡便民服务中心", marriage, StringComparison.Ordinal);
        Assert.Contains("周一至周五 08:30–17:30", marriage, StringComparison.Ordinal); // 城关镇 中午不打烊

        var hall = await anonymous.GetPageAsync($"/halls/{await HallAsync(CountyCentre)}");
        Assert.Contains("延时服务：周二、周四 17:30–19:00", hall, StringComparison.Ordinal);
        Assert.Contains("法定节假日休息", hall, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_books_tomorrow_0930_for_a_food_licence_and_gets_a_number_a_code_an_inbox_message_and_one_short_text()
    {
        var hall = await HallAsync(CountyCentre);
        using var zhang = await CitizenAsync();
        var page = await zhang.GetPageAsync($"/appointments/new?item={FoodLicence}&Hall={hall}&Day=2026-11-24");
        Assert.Contains("data-testid=\"slot-09:30\"", page, StringComparison.Ordinal);
        Assert.Contains("剩余 1/1", page, StringComparison.Ordinal); // one 企业开办 window: one place per slot // one 企业开办 window: one place per slot
        Assert.DoesNotContain("slot-12:00", page, StringComparison.Ordinal); // lunch closed
        Assert.Contains("slot-18:30", page, StringComparison.Ordinal); // 延时 on Tuesday

        var posted = await BookAsync(zhang, FoodLicence, hall, "2026-11-24", "09:30");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var booking = Assert.Single(await BookingsAsync());
        Assert.Equal($"/my/appointments/{booking.Id}", posted.Headers.Location!.OriginalString);
        Assert.Matches("^YY20261123\\d{6}$", booking.Number);
        Assert.Matches("^\\d{6}$", booking.CheckInCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 30, 0, China), booking.StartsAt);
        Assert.Equal("张伟", booking.PersonName);
        var slip = await zhang.GetPageAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains(booking.CheckInCode, slip, StringComparison.Ordinal);
        Assert.Contains(booking.Number, await zhang.GetPageAsync("/my/appointments"), StringComparison.Ordinal);

        var inbox = await portal.WithDbAsync(db => db.Set<InboxMessage>().SingleAsync(m => m.Key == $"apt:{booking.Id}:Booked"));
        Assert.Contains(booking.CheckInCode, inbox.Body, StringComparison.Ordinal);
        var sms = await portal.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Key == $"apt:{booking.Id}:Booked"));
        Assert.Equal(Demo.CitizenMobile, sms.Recipient);
        Assert.True(sms.Body.Length <= TextMessages.MaxLength, sms.Body);
        Assert.Contains("11-24 09:30云溪县政务服务中心", sms.Body, StringComparison.Ordinal);

        // The place is taken: the slot now shows full to the next citizen.
        using var li = await CitizenAsync(OtherCitizen);
        Assert.Matches("id=\"slot-0930\"[^>]*disabled", await li.GetPageAsync($"/appointments/new?item={FoodLicence}&Hall={hall}&Day=2026-11-24"));

        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var list = await clerk.GetPageAsync("/window/appointments?day=2026-11-24");
        Assert.Contains("张伟", list, StringComparison.Ordinal);
        Assert.Contains("食品经营许可（新办）", list, StringComparison.Ordinal);
        Assert.DoesNotContain("张伟", await clerk.GetPageAsync("/window/appointments"), StringComparison.Ordinal); // today: nothing
        using var township = portal.NewBrowser();
        await township.LoginAsync("clerk.taoyuan");
        Assert.DoesNotContain("张伟", await township.GetPageAsync("/window/appointments?day=2026-11-24"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-07", "09:30", "Day", "只能预约14天内的日期")]
    [InlineData("2026-11-22", "09:30", "Day", "不能预约已过去的日期")]
    [InlineData("2026-11-29", "09:30", "Day", "大厅当天不办公")] // Sunday
    [InlineData("2026-11-24", "12:30", "Slot", "该时段不在大厅服务时间内")] // lunch
    [InlineData("2026-11-24", "19:00", "Slot", "该时段不在大厅服务时间内")] // after 延时
    [InlineData("2026-11-23", "08:30", "Slot", "已过时")] // today, before now
    [InlineData("2026-11-24", "25:99", "Slot", "请选择一个时段")]
    [InlineData("2026-11-24", "<b>", "Slot", "请选择一个时段")]
    [InlineData("2026-11-24", "", "Slot", "请选择一个时段")]
    [InlineData("", "09:30", "Day", "此项为必填项")]
    public async Task A_booking_that_breaks_a_rule_gets_its_message_next_to_the_field_and_nothing_is_booked(string day, string slot, string field, string message)
    {
        using var zhang = await CitizenAsync();
        var posted = await BookAsync(zhang, FoodLicence, await HallAsync(CountyCentre), day, slot);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await posted.Content.ReadAsStringAsync();
        Assert.Matches($"field-validation-error\" data-valmsg-for=\"{field}\"[^>]*>{Regex.Escape(message)}", page);
        Assert.Empty(await BookingsAsync());
    }

    [Fact]
    public async Task A_hall_without_the_items_window_an_unbookable_item_and_hostile_values_are_refused_without_a_500()
    {
        using var zhang = await CitizenAsync();
        var township = await BookAsync(zhang, FoodLicence, await HallAsync("桃源乡便民服务中心"), "2026-11-24", "09:30");
        Assert.Contains("请选择可办理该事项的大厅", await township.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var fields in new[]
        {
            new Dictionary<string, string> { ["Item"] = FoodLicence, ["Hall"] = "not-a-guid", ["Day"] = "2026-11-24", ["Slot"] = "09:30" },
            new Dictionary<string, string> { ["Item"] = FoodLicence, ["Hall"] = Guid.NewGuid().ToString(), ["Day"] = "abc", ["Slot"] = "09:30" },
            new Dictionary<string, string> { ["Item"] = FoodLicence, ["Hall"] = Guid.NewGuid().ToString(), ["Day"] = "2026-11-24", ["Slot"] = new string('9', 500) },
        })
        {
            var posted = await zhang.SubmitAsync($"/appointments/new?item={FoodLicence}", "/appointments/new", fields);
            // Over-long text is a bad request (400) with the page and its message; a wrong type is an ordinary refusal.
            Assert.Equal(fields["Slot"].Length > 5 ? HttpStatusCode.BadRequest : HttpStatusCode.OK, posted.StatusCode);
            Assert.Contains("data-testid=\"booking-choose\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await zhang.GetAsync("/appointments/new?item=000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await zhang.GetAsync("/appointments/new?item=" + new string('A', 2000))).StatusCode);
        Assert.Empty(await BookingsAsync());
    }

    [Fact]
    public async Task A_holiday_cannot_be_booked_and_a_tiaoxiu_saturday_keeps_the_regular_hours_of_a_monday()
    {
        portal.Clock.Set(new DateTimeOffset(2026, 9, 28, 9, 0, 0, China));
        var hall = await HallAsync(CountyCentre);
        using var zhang = await CitizenAsync();

        var holiday = await BookAsync(zhang, FoodLicence, hall, "2026-10-01", "09:30");
        Assert.Contains("该日为法定节假日（国庆节），大厅不办公", await holiday.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 2026-10-10 is a Saturday worked for 国庆节: Monday's 08:30–12:00 and 14:30–17:30, not the 错时 morning.
        var page = await zhang.GetPageAsync($"/appointments/new?item={FoodLicence}&Hall={hall}&Day=2026-10-10");
        Assert.Contains("slot-08:30", page, StringComparison.Ordinal);
        Assert.Contains("slot-15:00", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(zhang, FoodLicence, hall, "2026-10-10", "15:00")).StatusCode);

        // A Saturday inside the holiday is closed, the 错时 morning included.
        Assert.Matches("value=\"2026-10-03\"[^>]*disabled", page);
    }

    [Fact]
    public async Task A_saturday_morning_is_bookable_by_appointment_and_an_administrators_blackout_closes_its_slots()
    {
        var hall = await HallAsync(CountyCentre);
        using var zhang = await CitizenAsync();
        Assert.Contains("错时服务（仅预约）", await zhang.GetPageAsync($"/appointments/new?item={FoodLicence}&Hall={hall}&Day=2026-11-28"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(zhang, FoodLicence, hall, "2026-11-28", "09:00")).StatusCode);

        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        var refused = await admin.SubmitAsync($"/admin/service-hours/{hall}", $"/admin/service-hours/{hall}/blackouts",
            new Dictionary<string, string> { ["NewBlackout.StartsAt"] = "2026-11-25T14:00", ["NewBlackout.EndsAt"] = "2026-11-25T13:00", ["NewBlackout.Reason"] = "系统维护" });
        Assert.Contains("结束时间须晚于开始时间", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var added = await admin.SubmitAsync($"/admin/service-hours/{hall}", $"/admin/service-hours/{hall}/blackouts",
            new Dictionary<string, string> { ["NewBlackout.StartsAt"] = "2026-11-25T14:00", ["NewBlackout.EndsAt"] = "2026-11-25T17:30", ["NewBlackout.Reason"] = "系统维护" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var blocked = await BookAsync(zhang, FoodLicence, hall, "2026-11-25", "15:00");
        Assert.Contains("暂停预约：系统维护", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(zhang, FoodLicence, hall, "2026-11-25", "11:30")).StatusCode);
        using var anonymous = portal.NewBrowser();
        Assert.Contains("系统维护", await anonymous.GetPageAsync($"/halls/{hall}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_edits_a_halls_week_and_the_guide_shows_it_with_overlaps_and_bad_times_refused()
    {
        var taoyuan = await HallAsync("桃源乡便民服务中心");
        using var admin = portal.NewBrowser();
        await admin.LoginAsync("admin");
        Dictionary<string, string> Period(string day, string kind, string from, string to) =>
            new() { ["NewPeriod.Day"] = day, ["NewPeriod.Kind"] = kind, ["NewPeriod.Starts"] = from, ["NewPeriod.Ends"] = to };

        var badTime = await admin.SubmitAsync($"/admin/service-hours/{taoyuan}", $"/admin/service-hours/{taoyuan}/periods", Period("Saturday", "AppointmentOnly", "9点", "12:00"));
        Assert.Contains("请按“08:30”格式填写时间", await badTime.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var overlap = await admin.SubmitAsync($"/admin/service-hours/{taoyuan}", $"/admin/service-hours/{taoyuan}/periods", Period("Monday", "Extended", "17:00", "19:00"));
        Assert.Contains("与当天已有时段重叠", await overlap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/service-hours/{taoyuan}", $"/admin/service-hours/{taoyuan}/periods", Period("Saturday", "AppointmentOnly", "09:00", "11:00"))).StatusCode);

        using var anonymous = portal.NewBrowser();
        Assert.Contains("错时服务（仅限预约）：周六 09:00–11:00", await anonymous.GetPageAsync($"/halls/{taoyuan}"), StringComparison.Ordinal);
        Assert.Contains("错时服务（仅限预约）：周六 09:00–11:00", await anonymous.GetPageAsync($"/services/{Marriage}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_citizens_booking_the_last_place_at_the_same_moment_get_exactly_one_booking()
    {
        var hall = await HallAsync(CountyCentre);
        using var zhang = await CitizenAsync();
        using var li = await CitizenAsync(OtherCitizen);
        // Each sends three posts for the one place, all released at once (tokens read first, so nothing staggers them).
        var posts = await ReleasedTogetherAsync([(zhang, 3), (li, 3)], $"/appointments/new?item={FoodLicence}", "/appointments/new",
            new Dictionary<string, string> { ["Item"] = FoodLicence, ["Hall"] = hall.ToString(), ["Day"] = "2026-11-24", ["Slot"] = "09:30" });

        Assert.Single(posts, p => p.StatusCode == HttpStatusCode.Redirect);
        foreach (var loser in posts.Where(p => p.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, loser.StatusCode);
            Assert.Contains("已约满", await loser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Single(await BookingsAsync());
    }

    /// <summary>Reads each browser's antiforgery token from <paramref name="pageUrl"/>, then sends all the posts at once.</summary>
    private static async Task<HttpResponseMessage[]> ReleasedTogetherAsync((Browser Browser, int Posts)[] senders, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var requests = new List<(Browser Browser, FormUrlEncodedContent Content)>();
        foreach (var (browser, count) in senders)
        {
            var token = WebUtility.HtmlDecode(TokenPattern().Match(await browser.GetPageAsync(pageUrl)).Groups[1].Value);
            requests.AddRange(Enumerable.Range(0, count).Select(_ => (browser, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))))));
        }

        var posts = await Task.WhenAll(requests.Select(r => r.Browser.Client.PostAsync(new Uri(postUrl, UriKind.Relative), r.Content)));
        requests.ForEach(r => r.Content.Dispose());
        return posts;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task Parallel_posts_of_one_person_cannot_pass_the_daily_limit_of_two()
    {
        var hall = await HallAsync(CountyCentre);
        using var zhang = await CitizenAsync();

        var token = WebUtility.HtmlDecode(TokenPattern().Match(await zhang.GetPageAsync($"/appointments/new?item={Marriage}")).Groups[1].Value);
        var forms = MorningSlots.Select(slot => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Item"] = Marriage, ["Hall"] = hall.ToString(), ["Day"] = "2026-11-24", ["Slot"] = slot, ["__RequestVerificationToken"] = token,
        })).ToList();
        var posts = await Task.WhenAll(forms.Select(f => zhang.Client.PostAsync(new Uri("/appointments/new", UriKind.Relative), f)));

        Assert.Equal(2, posts.Count(p => p.StatusCode == HttpStatusCode.Redirect));
        foreach (var refused in posts.Where(p => p.StatusCode == HttpStatusCode.OK))
        {
            Assert.Contains("每人每天最多预约2次", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, (await BookingsAsync()).Count);
        // Another day is another day.
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(zhang, Marriage, hall, "2026-11-25", "09:00")).StatusCode);
    }

    [Fact]
    public async Task Rebooking_to_a_full_slot_keeps_the_old_booking_and_to_a_free_one_releases_it_in_the_same_transaction()
    {
        var (hall, zhang, li) = await TwoBookingsTomorrowAsync();
        using var _ = zhang;
        using var __ = li;
        var mine = (await BookingsAsync()).Single(a => a.PersonName == "张伟");
        Dictionary<string, string> To(string day, string slot) => new() { ["Hall"] = hall.ToString(), ["Day"] = day, ["Slot"] = slot };

        var full = await zhang.SubmitAsync($"/my/appointments/{mine.Id}/rebook", $"/my/appointments/{mine.Id}/rebook", To("2026-11-24", "10:00"));
        Assert.Contains("已约满", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AppointmentState.Booked, (await BookingsAsync()).Single(a => a.Id == mine.Id).State);

        var moved = await zhang.SubmitAsync($"/my/appointments/{mine.Id}/rebook", $"/my/appointments/{mine.Id}/rebook", To("2026-11-24", "10:30"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var all = await BookingsAsync();
        var old = all.Single(a => a.Id == mine.Id);
        var replacement = all.Single(a => a.Id == old.ReplacedById);
        Assert.Equal(AppointmentState.Rebooked, old.State);
        Assert.Equal(AppointmentState.Booked, replacement.State);
        Assert.Equal(new TimeOnly(10, 30), replacement.SlotStarts);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.Key == $"apt:{replacement.Id}:Rebooked")));
        // The old place is free again; the old booking can no longer be changed.
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(li, FoodLicence, hall, "2026-11-24", "09:30")).StatusCode);
        var again = await zhang.SubmitAsync($"/my/appointments/{replacement.Id}/rebook", $"/my/appointments/{mine.Id}/rebook", To("2026-11-24", "11:00"));
        Assert.Contains("该预约已无法取消或改约", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Someone else's booking is not there for them.
        Assert.Equal(HttpStatusCode.NotFound, (await li.GetAsync($"/my/appointments/{replacement.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_reminder_job_reminds_tomorrows_bookings_once_and_not_a_cancelled_one()
    {
        var (hall, zhang, li) = await TwoBookingsTomorrowAsync();
        using var _ = zhang;
        using var __ = li;
        await BookAsync(li, FoodLicence, hall, "2026-11-25", "10:00");
        var bookings = await BookingsAsync();
        var cancelled = bookings.Single(a => a.PersonName == "李秀英" && a.Day == new DateOnly(2026, 11, 24));
        Assert.Equal(HttpStatusCode.Redirect, (await li.SubmitAsync($"/my/appointments/{cancelled.Id}", $"/my/appointments/{cancelled.Id}/cancel", [])).StatusCode);
        Assert.Equal(AppointmentState.Cancelled, (await BookingsAsync()).Single(a => a.Id == cancelled.Id).State);

        portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 17, 0, 0, China));
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RunAsync(sp => sp.GetRequiredService<AppointmentReminderJob>().RunAsync(CancellationToken.None))));

        Assert.Equal(2, runs.Sum()); // one inbox message and one text message, for the one booking of tomorrow still booked
        var reminded = bookings.Single(a => a.PersonName == "张伟");
        var sms = await portal.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key.EndsWith(":reminder")).ToListAsync());
        Assert.Equal($"apt:{reminded.Id}:reminder", Assert.Single(sms).Key);
        Assert.True(sms[0].Body.Length <= TextMessages.MaxLength, sms[0].Body);
        Assert.Contains(reminded.CheckInCode, sms[0].Body, StringComparison.Ordinal);
        Assert.Single(await portal.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.Key == $"apt:{reminded.Id}:reminder").ToListAsync()));
    }

    [Fact]
    public async Task The_no_show_sweep_marks_bookings_missed_past_the_grace_time_shows_them_to_clerks_and_three_bar_booking()
    {
        var hall = await HallAsync(CountyCentre);
        using var zhang = await CitizenAsync();
        await BookAsync(zhang, Marriage, hall, "2026-11-23", "10:00");
        await BookAsync(zhang, Marriage, hall, "2026-11-23", "10:30");
        await BookAsync(zhang, Marriage, hall, "2026-11-24", "09:00");
        Task<int> SweepAsync() => RunAsync(sp => sp.GetRequiredService<NoShowSweepJob>().RunAsync(CancellationToken.None));

        portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 10, 44, 0, China)); // 10:00–10:30 ended 14 minutes ago: within the grace
        Assert.Equal(0, await SweepAsync());
        portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 10, 46, 0, China));
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, await SweepAsync());

        portal.Clock.Set(new DateTimeOffset(2026, 11, 24, 12, 0, 0, China));
        Assert.Equal(2, await SweepAsync());
        Assert.All(await BookingsAsync(), a => Assert.Equal(AppointmentState.NoShow, a.State));

        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");
        var list = await clerk.GetPageAsync("/window/appointments?day=2026-11-24");
        Assert.Contains("爽约", list, StringComparison.Ordinal);
        Assert.Contains(">3 次<", list, StringComparison.Ordinal);

        using var back = await CitizenAsync(); // a day later: signed in again
        var barred = await BookAsync(back, Marriage, hall, "2026-11-25", "09:00");
        Assert.Contains("2026-12-08前暂停网上预约", await barred.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var li = await CitizenAsync(OtherCitizen);
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(li, Marriage, hall, "2026-11-25", "09:00")).StatusCode);
    }

    [Fact]
    public async Task Checking_in_takes_todays_booking_at_its_hall_to_arrived_exactly_once()
    {
        var hall = await HallAsync(CountyCentre);
        using var zhang = await CitizenAsync();
        await BookAsync(zhang, FoodLicence, hall, "2026-11-23", "10:00");
        await BookAsync(zhang, FoodLicence, hall, "2026-11-24", "10:00");
        var today = (await BookingsAsync()).Single(a => a.Day == new DateOnly(2026, 11, 23));
        var tomorrow = (await BookingsAsync()).Single(a => a.Day == new DateOnly(2026, 11, 24));
        async Task<CheckedInAppointment?> CheckInAsync(Guid at, string code) => (await RefusedAsync(at, code)).Appointment;
        Task<CheckInOutcome> RefusedAsync(Guid at, string code) => RunAsync(sp => sp.GetRequiredService<IAppointmentCheckIn>().CheckInAsync(at, code, CancellationToken.None));

        Assert.Equal(CheckInRefusal.UnknownCode, (await RefusedAsync(await HallAsync("桃源乡便民服务中心"), today.CheckInCode)).Refusal);
        Assert.Equal(CheckInRefusal.OtherDay, (await RefusedAsync(hall, tomorrow.CheckInCode)).Refusal);
        Assert.Equal(CheckInRefusal.UnknownCode, (await RefusedAsync(hall, "' OR 1=1 --")).Refusal);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CheckInAsync(hall, today.CheckInCode)));

        var arrived = Assert.Single(results, r => r is not null)!;
        Assert.Equal(today.Id, arrived.AppointmentId);
        Assert.Equal("张伟", arrived.PersonName);
        Assert.Equal(Demo.CitizenId, arrived.IdNumber);
        Assert.Equal(FoodLicence, arrived.ItemCode);
        Assert.Equal(GovService.Web.Modules.Organization.Contracts.WindowCategory.Business, arrived.WindowCategory);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, China), arrived.SlotStart);
        Assert.Equal(AppointmentState.Arrived, (await BookingsAsync()).Single(a => a.Id == today.Id).State);
        Assert.Equal(CheckInRefusal.AlreadyCheckedIn, (await RefusedAsync(hall, today.CheckInCode)).Refusal);
        // An arrived booking is no no-show and can no longer be cancelled.
        portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 12, 0, 0, China));
        Assert.Equal(0, await RunAsync(sp => sp.GetRequiredService<NoShowSweepJob>().RunAsync(CancellationToken.None)));
        using var back = await CitizenAsync();
        Assert.DoesNotContain("cancel-appointment", await back.GetPageAsync($"/my/appointments/{today.Id}"), StringComparison.Ordinal);
        await back.SubmitAsync($"/my/appointments/{today.Id}", $"/my/appointments/{today.Id}/cancel", []);
        Assert.Equal(AppointmentState.Arrived, (await BookingsAsync()).Single(a => a.Id == today.Id).State);
    }
}
