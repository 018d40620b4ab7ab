using static GovService.IntegrationTests.Security.Expectations;

namespace GovService.IntegrationTests.Security.Rules;

/// <summary>Appointments: the public hall page, booking and My appointments (citizens only, each their own), the clerks' day list (their own hall), the administrators' service hours.</summary>
internal static class AppointmentsRules
{
    private const string Marriage = "000702003000";

    /// <summary>Citizen A's own booking: citizen B gets 404, everyone else (an agent included: bookings are personal) 403.</summary>
    private static Dictionary<Who, Expect> CitizenA(Expect citizenB = Expect.NotFound) => Of(Expect.Forbidden, (Who.CitizenA, Expect.Allowed), (Who.CitizenB, citizenB));

    private static List<KeyValuePair<string, string>> Slot(string hall, string day, string slot) => Fields(("Item", Marriage), ("Hall", hall), ("Day", day), ("Slot", slot));

    public static IReadOnlyList<Rule> All =>
    [
        new("GET /halls/{id:guid}", w => Call.Get($"/halls/{w.CountyHallId}"),
            Everyone(Expect.Public), Shows: _ => "延时服务"),

        new("GET /appointments/new", w => Call.Get($"/appointments/new?item={Marriage}&Hall={w.CountyHallId}&Day=2026-11-24"),
            CitizenA(citizenB: Expect.OwnOnly), Shows: _ => "slot-10:00"),
        new("POST /appointments/new", w => Call.Post("/appointments/new", Slot(w.CountyHallId.ToString(), "2026-11-25", "10:00")),
            CitizenA(citizenB: Expect.Self)),

        new("GET /my/appointments", _ => Call.Get("/my/appointments"),
            CitizenA(citizenB: Expect.OwnOnly), Shows: _ => "结婚登记"),
        new("GET /my/appointments/{id:guid}", w => Call.Get($"/my/appointments/{w.AppointmentId}"),
            CitizenA(), Shows: _ => "签到码"),
        new("GET /my/appointments/{id:guid}/rebook", w => Call.Get($"/my/appointments/{w.AppointmentId}/rebook?Day=2026-11-24"),
            CitizenA(), Shows: _ => "slot-10:30"),
        new("POST /my/appointments/{id:guid}/rebook", w => Call.Post($"/my/appointments/{w.AppointmentId}/rebook", Slot(w.CountyHallId.ToString(), "2026-11-24", "10:30")),
            CitizenA()),
        new("POST /my/appointments/{id:guid}/cancel", w => Call.Post($"/my/appointments/{w.SecondAppointmentId}/cancel"),
            CitizenA()),

        // 到达签到取号 (the Hall module's): A's booking is not today's, so A is sent back to the list with the reason; B's is no booking of B's.
        new("POST /my/appointments/{id:guid}/check-in", w => Call.Post($"/my/appointments/{w.AppointmentId}/check-in"),
            CitizenA()),
        // No booking of the world is checked in, so there is no ticket to see for anyone; the tests show the owner's.
        new("GET /my/appointments/{id:guid}/ticket", w => Call.Get($"/my/appointments/{w.AppointmentId}/ticket"),
            Of(Expect.Forbidden, (Who.CitizenA, Expect.NotFound), (Who.CitizenB, Expect.NotFound))),

        new("GET /window/appointments", _ => Call.Get("/window/appointments?day=2026-11-24"),
            Of(Expect.Forbidden, (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed), (Who.OtherHallClerk, Expect.OwnOnly), (Who.OtherChief, Expect.OwnOnly)), Shows: _ => "结婚登记"),

        new("GET /admin/service-hours", _ => Call.Get("/admin/service-hours"),
            AdminOnly(), Shows: _ => "云溪县政务服务中心"),
        new("GET /admin/service-hours/{hallId:guid}", w => Call.Get($"/admin/service-hours/{w.CountyHallId}"),
            AdminOnly(), Shows: _ => "矩阵维护"),
        new("POST /admin/service-hours/{hallId:guid}/periods", w => Call.Post($"/admin/service-hours/{w.TownshipHallId}/periods",
                Fields(("NewPeriod.Day", "Sunday"), ("NewPeriod.Kind", "AppointmentOnly"), ("NewPeriod.Starts", "09:00"), ("NewPeriod.Ends", "10:00"))),
            AdminOnly()),
        new("POST /admin/service-hours/{hallId:guid}/periods/{periodId:guid}/remove", w => Call.Post($"/admin/service-hours/{w.TownshipHallId}/periods/{w.PeriodId}/remove"),
            AdminOnly()),
        new("POST /admin/service-hours/{hallId:guid}/blackouts", w => Call.Post($"/admin/service-hours/{w.CountyHallId}/blackouts",
                Fields(("NewBlackout.StartsAt", "2026-12-01T14:00"), ("NewBlackout.EndsAt", "2026-12-01T15:00"), ("NewBlackout.Reason", "越权维护"))),
            AdminOnly()),
        new("POST /admin/service-hours/{hallId:guid}/blackouts/{blackoutId:guid}/remove", w => Call.Post($"/admin/service-hours/{w.CountyHallId}/blackouts/{w.BlackoutId}/remove"),
            AdminOnly()),
    ];
}
