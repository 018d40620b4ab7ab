using static GovService.IntegrationTests.Security.Expectations;

namespace GovService.IntegrationTests.Security.Rules;

/// <summary>
/// The hall's queue: the kiosk, slips, the calling display and the rating device are public (no login; the device
/// needs its window's key); the desk and the window panels are the hall's clerks' and chief representatives', and a
/// window or ticket of another hall does not exist for them.
/// </summary>
internal static class HallRules
{
    /// <summary>The county hall's staff: allowed; the township's: it does not exist; everyone else: forbidden.</summary>
    private static Dictionary<Who, Expect> CountyHallStaff() => Of(Expect.Forbidden,
        (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed), (Who.OtherHallClerk, Expect.NotFound), (Who.OtherChief, Expect.NotFound));

    public static IReadOnlyList<Rule> All =>
    [
        new("GET /hall/{hallId:guid}/kiosk", w => Call.Get($"/hall/{w.CountyHallId}/kiosk"), Everyone(Expect.Public)),

        new("GET /hall/{hallId:guid}/kiosk/ticket", w => Call.Get($"/hall/{w.CountyHallId}/kiosk/ticket"), Everyone(Expect.Public)),

        // A post without a name is answered with the form again, for anyone; a taken ticket is the journey tests'.
        new("POST /hall/{hallId:guid}/kiosk/ticket", w => Call.Post($"/hall/{w.CountyHallId}/kiosk/ticket", Fields(("Category", "Comprehensive"), ("PersonName", ""))), Everyone(Expect.Public)),

        // 自助端: every function is public and keeps nothing; a wrong code, number or token is answered on the form.
        new("GET /hall/{hallId:guid}/kiosk/check-in", w => Call.Get($"/hall/{w.CountyHallId}/kiosk/check-in"), Everyone(Expect.Public)),
        new("POST /hall/{hallId:guid}/kiosk/check-in", w => Call.Post($"/hall/{w.CountyHallId}/kiosk/check-in", Fields(("code", "000000"))), Everyone(Expect.Public)),
        new("GET /hall/{hallId:guid}/kiosk/case", w => Call.Get($"/hall/{w.CountyHallId}/kiosk/case"), Everyone(Expect.Public)),
        new("POST /hall/{hallId:guid}/kiosk/case", w => Call.Post($"/hall/{w.CountyHallId}/kiosk/case", Fields(("number", "X"), ("queryCode", "000000"))), Everyone(Expect.Public)),
        new("GET /hall/{hallId:guid}/kiosk/licences", w => Call.Get($"/hall/{w.CountyHallId}/kiosk/licences"), Everyone(Expect.Public)),
        new("POST /hall/{hallId:guid}/kiosk/licences/code", w => Call.Post($"/hall/{w.CountyHallId}/kiosk/licences/code", Fields(("idNumber", "1"))), Everyone(Expect.Public)),
        new("POST /hall/{hallId:guid}/kiosk/licences/verify", w => Call.Post($"/hall/{w.CountyHallId}/kiosk/licences/verify", Fields(("token", "x"), ("code", "000000"))), Everyone(Expect.Public)),
        new("POST /hall/{hallId:guid}/kiosk/licences/wallet", w => Call.Post($"/hall/{w.CountyHallId}/kiosk/licences/wallet", Fields(("token", "x"))), Everyone(Expect.Public)),
        new("POST /hall/{hallId:guid}/kiosk/licences/{licenceId:guid}/print", w => Call.Post($"/hall/{w.CountyHallId}/kiosk/licences/{Guid.Empty}/print", Fields(("token", "x"))), Everyone(Expect.Public)),

        // The licence's document only with a print token of this hall and licence: without one, it does not exist.
        new("GET /hall/{hallId:guid}/kiosk/licences/{licenceId:guid}/pdf", w => Call.Get($"/hall/{w.CountyHallId}/kiosk/licences/{Guid.Empty}/pdf?t=x"), Everyone(Expect.NotFound)),
        new("GET /hall/tickets/{id:guid}/slip", w => Call.Get($"/hall/tickets/{w.HallTicketId}/slip"), Everyone(Expect.Public)),
        new("GET /hall/{hallId:guid}/display", w => Call.Get($"/hall/{w.CountyHallId}/display"), Everyone(Expect.Public)),
        new("GET /hall/{hallId:guid}/display/state", w => Call.Get($"/hall/{w.CountyHallId}/display/state"), Everyone(Expect.Public)),
        new("GET /hall/device/{windowId:guid}", w => Call.Get($"/hall/device/{w.HallWindowId}?key={w.DeviceKey}"), Everyone(Expect.Public)),
        new("GET /hall/device/{windowId:guid}", w => Call.Get($"/hall/device/{w.HallWindowId}?key=00000000000000000000000000000000"), Everyone(Expect.NotFound)) { Variant = "wrong key" },
        new("GET /hall/device/{windowId:guid}/state", w => Call.Get($"/hall/device/{w.HallWindowId}/state?key={w.DeviceKey}"), Everyone(Expect.Public)),
        new("POST /hall/device/{windowId:guid}/rate", w => Call.Post($"/hall/device/{w.HallWindowId}/rate", Fields(("key", w.DeviceKey), ("ticketId", w.HallTicketId.ToString()), ("level", "1"))), Everyone(Expect.Public)),

        // The hub: anyone may listen (the display and the device); it changes nothing.
        new("ANY /hubs/hall/negotiate", _ => Call.Post("/hubs/hall/negotiate?negotiateVersion=1"), Everyone(Expect.Public)),
        new("ANY /hubs/hall", _ => Call.Get("/hubs/hall"), Everyone(Expect.Public), AllowedAnswer: System.Net.HttpStatusCode.BadRequest),

        new("GET /hall/desk", _ => Call.Get("/hall/desk"),
            Of(Expect.Forbidden, (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed), (Who.OtherHallClerk, Expect.OwnOnly), (Who.OtherChief, Expect.OwnOnly))),
        new("POST /hall/desk/issue", _ => Call.Post("/hall/desk/issue", Fields(("Category", "Comprehensive"), ("PersonName", ""))),
            Of(Expect.Forbidden, (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed), (Who.OtherHallClerk, Expect.OwnOnly), (Who.OtherChief, Expect.OwnOnly))),
        new("POST /hall/desk/tickets/{ticketId:guid}/requeue", w => Call.Post($"/hall/desk/tickets/{w.HallTicketId}/requeue"), CountyHallStaff()),
        new("GET /hall/desk/windows/{windowId:guid}", w => Call.Get($"/hall/desk/windows/{w.HallWindowId}"), CountyHallStaff()),
        new("POST /hall/desk/windows/{windowId:guid}/call", w => Call.Post($"/hall/desk/windows/{w.HallWindowId}/call"), CountyHallStaff()),
        new("POST /hall/desk/windows/{windowId:guid}/tickets/{ticketId:guid}/{step:regex(^(recall|absent|start|finish|transfer)$)}",
            w => Call.Post($"/hall/desk/windows/{w.HallWindowId}/tickets/{w.HallTicketId}/recall"), CountyHallStaff()),

        // Pairing a device is the chief representative's: a clerk is refused by role.
        new("POST /hall/desk/windows/{windowId:guid}/device", w => Call.Post($"/hall/desk/windows/{w.HallWindowId}/device"),
            Of(Expect.Forbidden, (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.NotFound)),
            AllowedRequest: w => Call.Post($"/hall/desk/windows/{w.HallOtherWindowId}/device")),

        // The dashboard: a chief representative's own hall, a supervisor's halls of their region (read only).
        new("GET /hall/dashboard", _ => Call.Get("/hall/dashboard"),
            Of(Expect.Forbidden, (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.OwnOnly), (Who.Supervisor, Expect.Allowed), (Who.OtherSupervisor, Expect.OwnOnly))),
        new("GET /hall/dashboard", w => Call.Get($"/hall/dashboard?hall={w.CountyHallId}"),
            Of(Expect.Forbidden, (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.NotFound), (Who.Supervisor, Expect.Allowed), (Who.OtherSupervisor, Expect.NotFound))) { Variant = "county hall" },

        // Temporary windows are the chief representative's, in their own hall only (the township has no 企业开办 window).
        new("POST /hall/dashboard/temporary-windows", _ => Call.Post("/hall/dashboard/temporary-windows", Fields(("category", "Business"))),
            Of(Expect.Forbidden, (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.Self))),
        new("POST /hall/dashboard/temporary-windows/{windowId:guid}/close", w => Call.Post($"/hall/dashboard/temporary-windows/{w.HallWindowId}/close"),
            Of(Expect.Forbidden, (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.Self))),
    ];
}
