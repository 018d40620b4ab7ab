using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovService.BrowserTests;

/// <summary>
/// The hall's queue as it is lived: an elderly walk-in takes a ticket at the kiosk and gets priority, the calling display
/// (a second page) shows the clerk's call within a second, starting service opens the intake form prefilled, and when
/// the clerk finishes the window's rating device asks for 好差评 and records it.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class HallJourneyTests(PortalProcess portal)
{
    private const string ElderlyId = "361131195203150240";

    [Fact]
    public async Task Kiosk_ticket_with_priority_is_called_on_the_display_served_at_the_window_and_rated_on_the_device()
    {
        // The chief representative pairs window 3's rating device and opens it on the tablet.
        var chief = await portal.NewPageAsync();
        string device = "", hall = "", window = "";
        await Journeys.RunAsync(chief, async () =>
        {
            await Journeys.LoginAsync(chief, "chief");
            (hall, window, device) = await Journeys.PairWindowDeviceAsync(chief, 3);
        }, "Hall_journey_chief_pairs_device");

        var (tablet, display) = await Journeys.OpenHallScreensAsync(portal, hall, device);
        await Expect(tablet.GetByTestId("device-idle")).ToBeVisibleAsync();
        await display.GetByTestId("display-sound").ClickAsync();

        // At the kiosk: an elderly walk-in (born 1952) for 食品经营许可 gets a priority ticket, and the kiosk clears itself.
        var kiosk = await portal.NewPageAsync(1080, 1920);
        string code = "";
        await Journeys.RunAsync(kiosk, async () =>
        {
            await kiosk.GotoAsync($"/hall/{hall}/kiosk");
            await kiosk.GetByTestId("kiosk-menu-ticket").ClickAsync();
            await kiosk.GetByTestId("category-A").CheckAsync();
            await kiosk.GetByTestId("ticket-name").FillAsync("刘秀英");
            await kiosk.GetByTestId("ticket-id").FillAsync(ElderlyId);
            await kiosk.GetByTestId("ticket-item").SelectOptionAsync("000104004000");
            await kiosk.GetByTestId("kiosk-take").ClickAsync();
            await Expect(kiosk.GetByTestId("slip-priority")).ToContainTextAsync("老年人优先");
            await Expect(kiosk.GetByTestId("ticket-slip")).ToContainTextAsync("刘*英");
            await Expect(kiosk.GetByTestId("ticket-slip")).Not.ToContainTextAsync("刘秀英");
            code = (await kiosk.GetByTestId("slip-code").InnerTextAsync()).Trim();
            await kiosk.GetByTestId("slip-done").ClickAsync();
            await Expect(kiosk.GetByTestId("kiosk-menu-ticket")).ToBeVisibleAsync();
        }, "Hall_journey_kiosk_ticket");

        // The clerk calls at window 3: the display shows the call within a second.
        var clerk = await portal.NewPageAsync();
        await Journeys.RunAsync(clerk, async () =>
        {
            await Journeys.LoginAsync(clerk, "clerk");
            await Journeys.CallNextAsync(clerk, display, window, 3, code);
            await Expect(display.GetByTestId("display-current")).ToContainTextAsync("刘*英");
            await Expect(clerk.GetByTestId("panel-code")).ToHaveTextAsync(code);
            await Expect(tablet.GetByTestId("device-serving")).ToContainTextAsync("李娜 为您服务");

            // 开始办理 opens window intake of the ticket's item with the applicant filled in and the ticket carried along.
            await clerk.GetByTestId("start-service").ClickAsync();
            await Expect(clerk.Locator("input[name=ApplicantName]")).ToHaveValueAsync("刘秀英");
            await Expect(clerk.Locator("input[name=ApplicantIdNumber]")).ToHaveValueAsync(ElderlyId);
            await Expect(clerk.GetByTestId("intake-ticket")).ToHaveCountAsync(1);
            await clerk.Locator("input[name=ContactMobile]").FillAsync("13900139240");
            await Journeys.AcceptFoodShopAndFinishAsync(clerk, window, "云溪县城关镇刘记早餐店", ElderlyId, "云溪县城关镇人民大道140号");
        }, "Hall_journey_clerk_calls_and_serves");

        // The tablet turns to the rating prompt by itself; the citizen rates 非常满意.
        await Journeys.RunAsync(tablet, () => Journeys.RateOnDeviceAsync(tablet), "Hall_journey_device_rating");
        await display.Context.CloseAsync();
    }

}
