using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>
/// Issue 29, as a citizen and the hall live it: 张伟 books 09:30 tomorrow at the county centre for 食品经营许可（新办）
/// from its guide (My appointments, the inbox, the clerks' day list), gets the reminder when the administrator runs the
/// day-before job, and the next morning checks in at the kiosk with the code and gets a ticket with 预约 priority; the
/// calling display (a second page) shows the call within a second of the clerk pressing 叫号; starting service opens the
/// intake form prefilled from the ticket; the citizen rates on the window's device; the chief representative's dashboard
/// shows the wait and service times. The portal runs on the real clock, so "the next morning" is made by moving the
/// booking to the coming half hour of today in the database, as if the night had passed.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class HallDayJourneyTests(PortalProcess portal)
{
    private const string CitizenId = "361131198506120026";

    [Fact]
    public async Task A_citizen_books_tomorrow_0930_is_reminded_checks_in_at_the_kiosk_is_called_served_and_rates_and_the_dashboard_shows_the_times()
    {
        string day = "", number = "", checkIn = "";
        var citizen = await portal.NewPageAsync(390, 844);
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "13800138000");
            (day, number, checkIn) = await Journeys.BookFoodLicenceTomorrowAsync(citizen);
            await Expect(citizen.GetByTestId("appointment-when")).ToContainTextAsync("09:30–10:00");
            await citizen.GotoAsync("/my/appointments");
            await Expect(citizen.GetByTestId("my-appointments")).ToContainTextAsync(number);
            await Expect(citizen.GetByTestId("my-appointments")).ToContainTextAsync("已预约");
            await citizen.GotoAsync("/inbox");
            await Expect(citizen.Locator("main")).ToContainTextAsync("预约成功：食品经营许可（新办）");
        }, "Hall_day_books_from_the_guide");

        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GetByRole(AriaRole.Link, new() { Name = "预约名单" }).ClickAsync();
            await clerk.GetByLabel("预约日期").FillAsync(day);
            await clerk.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
            var row = clerk.GetByTestId("hall-day-row").Filter(new() { HasText = number });
            await Expect(row).ToContainTextAsync("张伟");
            await Expect(row).ToContainTextAsync("09:30");
        }, "Hall_day_clerk_sees_the_days_list");

        // The day before: the administrator runs the reminder job from the jobs dashboard (when the booked day is
        // tomorrow; on a Saturday the first open day is Monday, and the job reminds only tomorrow's bookings).
        if (day == Journeys.ChinaToday().AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            var admin = await portal.NewPageAsync();
            await Journeys.RunAsync(admin, async () =>
            {
                await Journeys.LoginAsync(admin, "admin");
                await admin.GotoAsync("/ops/jobs/recurring");
                await admin.Locator("tr", new() { HasText = "appointments.reminder" }).Locator("input[type=checkbox]").CheckAsync();
                await admin.Locator("button.js-jobs-list-command[data-url$='/recurring/trigger']").ClickAsync();
                await admin.WaitForTimeoutAsync(500);
            }, "Hall_day_admin_runs_the_reminder");
            var reminded = await portal.NewPageAsync(390, 844);
            await Journeys.RunAsync(reminded, async () =>
            {
                await Journeys.LoginAsync(reminded, "13800138000");
                await reminded.GotoAsync("/inbox");
                for (var attempt = 0; attempt < 30 && !(await reminded.Locator("main").InnerTextAsync()).Contains("预约提醒", StringComparison.Ordinal); attempt++)
                {
                    await reminded.WaitForTimeoutAsync(1000);
                    await reminded.GotoAsync("/inbox");
                }

                await Expect(reminded.Locator("main")).ToContainTextAsync("预约提醒：明天办理");
            }, "Hall_day_citizen_is_reminded");
        }

        // The night passes: the booking is now for the coming half hour of today.
        await using (var connection = new NpgsqlConnection(portal.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                UPDATE gov.apt_appointments
                SET day = (now() AT TIME ZONE 'Asia/Shanghai')::date, starts_at = now() + interval '10 minutes', ends_at = now() + interval '40 minutes'
                WHERE number = @number
                """, connection);
            command.Parameters.AddWithValue("number", number);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        // The chief representative pairs window 5's (企业开办) rating device; the tablet and the calling display open.
        var chief = await portal.NewPageAsync();
        string device = "", window = "", hall = "";
        await Journeys.RunAsync(chief, async () =>
        {
            await Journeys.LoginAsync(chief, "chief");
            (hall, window, device) = await Journeys.PairWindowDeviceAsync(chief, 5);
        }, "Hall_day_chief_pairs_window_5");
        var (tablet, display) = await Journeys.OpenHallScreensAsync(portal, hall, device);

        // At the kiosk: 预约签到 with the six-digit code gives a 企业开办 ticket with appointment priority.
        var kiosk = await portal.NewPageAsync(1080, 1920);
        string code = "";
        await Journeys.RunAsync(kiosk, async () =>
        {
            await kiosk.GotoAsync($"/hall/{hall}/kiosk");
            await kiosk.GetByTestId("kiosk-menu-check-in").ClickAsync();
            await kiosk.GetByTestId("kiosk-check-in-code").FillAsync(checkIn);
            await kiosk.GetByTestId("kiosk-check-in").ClickAsync();
            await Expect(kiosk.GetByTestId("slip-priority")).ToContainTextAsync("预约优先");
            await Expect(kiosk.GetByTestId("ticket-slip")).ToContainTextAsync("张*");
            code = (await kiosk.GetByTestId("slip-code").InnerTextAsync()).Trim();
            Assert.StartsWith("B", code, StringComparison.Ordinal);
            await kiosk.GetByTestId("slip-done").ClickAsync();
        }, "Hall_day_kiosk_check_in");

        // The clerk calls at window 5: the display shows it within a second; 开始办理 opens the intake form prefilled.
        clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await Journeys.CallNextAsync(clerk, display, window, 5, code);
            await clerk.GetByTestId("start-service").ClickAsync();
            await Expect(clerk.Locator("input[name=ApplicantName]")).ToHaveValueAsync("张伟");
            await Expect(clerk.Locator("input[name=ApplicantIdNumber]")).ToHaveValueAsync(CitizenId);
            await Expect(clerk.GetByTestId("intake-ticket")).ToHaveCountAsync(1);
            await Journeys.AcceptFoodShopAndFinishAsync(clerk, window, "云溪县城关镇张记面馆", CitizenId, "云溪县城关镇人民大道150号");
        }, "Hall_day_clerk_calls_and_serves");

        await Journeys.RunAsync(tablet, () => Journeys.RateOnDeviceAsync(tablet), "Hall_day_device_rating");

        // The hall dashboard: window 5 served one, with its service time; the waits include this ticket's; the appointment checked in.
        chief = await portal.NewPageAsync();
        await Journeys.RunAsync(chief, async () =>
        {
            await Journeys.LoginAsync(chief, "chief");
            await chief.GotoAsync("/hall/dashboard");
            await Expect(chief.GetByTestId("windows").GetByTestId("window-5").GetByTestId("served")).ToHaveTextAsync("1");
            await Expect(chief.GetByTestId("total-average-wait")).ToHaveTextAsync(Minutes());
            await Expect(chief.GetByTestId("total-average-service")).ToHaveTextAsync(Minutes());
            await Expect(chief.GetByTestId("appointments-arrived")).Not.ToHaveTextAsync("0");
            await Expect(chief.GetByTestId("appointment-tickets")).Not.ToHaveTextAsync("0");
        }, "Hall_day_dashboard");
        await display.Context.CloseAsync();
    }

    [GeneratedRegex("^\\d+\\.\\d$")]
    private static partial Regex Minutes();
}
