using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>
/// Issue 29: a citizen books 09:30 tomorrow at the county centre for 食品经营许可（新办） from its guide, finds it under My
/// appointments and the confirmation in the inbox; the clerk sees it on the day's list. The portal runs on the real
/// clock, so "tomorrow" is the real one (the next day the hall is open when tomorrow is a Sunday or a holiday).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AppointmentJourneyTests(PortalProcess portal)
{
    [Fact]
    public async Task A_citizen_books_tomorrow_0930_at_the_county_centre_from_the_guide_and_the_clerk_sees_it_on_the_days_list()
    {
        string day = "";
        string number = "";
        var citizen = await portal.NewPageAsync();
        await Journeys.RunAsync(citizen, async () =>
        {
            await Journeys.LoginAsync(citizen, "13800138000");
            await citizen.GotoAsync("/services/000104004000");
            await Expect(citizen.GetByTestId("guide-halls")).ToContainTextAsync("延时服务：周二、周四 17:30–19:00");
            await citizen.GetByTestId("book-appointment").ClickAsync();

            await citizen.GetByTestId("booking-hall").SelectOptionAsync(new SelectOptionValue { Label = "云溪县政务服务中心" });
            await citizen.GetByTestId("booking-show").ClickAsync();
            var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(1);
            day = await citizen.GetByTestId("booking-day").EvaluateAsync<string>(
                "(select, from) => [...select.options].find(o => o.value >= from && !o.disabled).value", tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await citizen.GetByTestId("booking-day").SelectOptionAsync(day);
            await citizen.GetByTestId("booking-show").ClickAsync();
            await Expect(citizen.GetByTestId("booking-slots")).ToContainTextAsync("剩余 1/1");
            await citizen.GetByTestId("slot-09:30").CheckAsync();
            await citizen.GetByTestId("booking-submit").ClickAsync();

            await Expect(citizen.GetByTestId("appointment-when")).ToContainTextAsync($"{day}");
            await Expect(citizen.GetByTestId("appointment-when")).ToContainTextAsync("09:30–10:00");
            await Expect(citizen.GetByTestId("check-in-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d{6}$"));
            number = (await citizen.GetByTestId("appointment-number").InnerTextAsync()).Trim();

            await citizen.GetByRole(AriaRole.Link, new() { Name = "我的预约" }).First.ClickAsync();
            await Expect(citizen.GetByTestId("my-appointments")).ToContainTextAsync(number);
            await Expect(citizen.GetByTestId("my-appointments")).ToContainTextAsync("已预约");

            await citizen.GotoAsync("/inbox");
            await Expect(citizen.Locator("main")).ToContainTextAsync("预约成功：食品经营许可（新办）");
        }, "Appointment_journey_books_from_the_guide");

        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await clerk.GetByRole(AriaRole.Link, new() { Name = "预约名单" }).ClickAsync();
            await clerk.GetByLabel("预约日期").FillAsync(day);
            await clerk.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
            var row = clerk.GetByTestId("hall-day-row").Filter(new() { HasText = number });
            await Expect(row).ToContainTextAsync("张伟");
            await Expect(row).ToContainTextAsync("食品经营许可（新办）");
            await Expect(row).ToContainTextAsync("09:30");
        }, "Appointment_journey_clerk_sees_the_day");
    }
}
