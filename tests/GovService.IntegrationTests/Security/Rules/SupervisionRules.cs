using System.Net;
using GovService.IntegrationTests.Infrastructure;
using static GovService.IntegrationTests.Security.Expectations;

namespace GovService.IntegrationTests.Security.Rules;

/// <summary>Supervision: 好差评 and 投诉 by citizens, 督办 orders, rectification work orders, complaints and the dashboard for staff.</summary>
internal static class SupervisionRules
{
    private static readonly (Who, Expect)[] SupervisionStaff =
        [(Who.Reviewer, Expect.NotFound), (Who.OtherReviewer, Expect.NotFound), (Who.Clerk, Expect.NotFound), (Who.OtherHallClerk, Expect.NotFound), (Who.Chief, Expect.NotFound), (Who.OtherChief, Expect.NotFound), (Who.Supervisor, Expect.NotFound), (Who.OtherSupervisor, Expect.NotFound)];

    /// <summary>Supervision staff that may use the route: those named allowed, every other one answered as if the object did not exist.</summary>
    private static Dictionary<Who, Expect> Staff(params Who[] allowed) => Of(Expect.Forbidden, [.. SupervisionStaff, .. allowed.Select(w => (w, Expect.Allowed))]);

    /// <summary>A list: those named see the owner's object in it, every other member of supervision staff their own list without it.</summary>
    private static Dictionary<Who, Expect> List(params Who[] allowed) => Of(Expect.Forbidden, [.. SupervisionStaff.Select(s => (s.Item1, Expect.OwnOnly)), .. allowed.Select(w => (w, Expect.Allowed))]);

    /// <summary>Citizen A's case: A only; citizen B and the agent are answered as if it did not exist.</summary>
    private static Dictionary<Who, Expect> CitizenA() => Of(Expect.Forbidden, (Who.CitizenA, Expect.Allowed), (Who.CitizenB, Expect.NotFound), (Who.Agent, Expect.NotFound));

    private static Dictionary<Who, Expect> Supervisors(Expect other) => Of(Expect.Forbidden, (Who.Supervisor, Expect.Allowed), (Who.OtherSupervisor, other));

    private static string Rating(AccessWorld w) => $"/my/cases/{w.Finished.Number}/rating";

    public static IReadOnlyList<Rule> All =>
    [
        // 好差评 by the applicant.
        new("GET /my/cases/{number}/rating", w => Call.Get(Rating(w)),
            CitizenA(), Shows: _ => AccessWorld.RatingComment),
        new("POST /my/cases/{number}/rating", w => Call.Post(Rating(w), Fields(("step", w.FinishedWindowStepId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("level", "5"), ("comment", "冒名差评"))),
            CitizenA(), AllowedRequest: w => Call.Post(Rating(w), Fields(("step", w.FinishedWindowStepId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("level", "1")))),

        // 投诉 by citizens: about one's own case or a hall.
        new("GET /my/complaints", _ => Call.Get("/my/complaints"),
            Of(Expect.Forbidden, (Who.CitizenA, Expect.Allowed), (Who.CitizenB, Expect.OwnOnly), (Who.Agent, Expect.OwnOnly)), Shows: _ => AccessWorld.ComplaintTitle),
        new("POST /my/complaints", w => Call.Post("/my/complaints", Fields(("Subject", $"case:{w.Review.Number}"), ("Title", "冒名投诉"), ("Content", "借他人办件投诉。"))),
            Of(Expect.Forbidden, (Who.CitizenA, Expect.Allowed), (Who.CitizenB, Expect.Refused), (Who.Agent, Expect.Refused))),

        // 督办单 to 市场监管局 on A's county case: its reviewers answer, the county supervisor follows and closes.
        new("GET /supervision/orders", _ => Call.Get("/supervision/orders"),
            List(Who.Reviewer, Who.Supervisor), Shows: w => w.Order.Number),
        new("GET /supervision/orders/{id:guid}", w => Call.Get($"/supervision/orders/{w.Order.Id}"),
            Staff(Who.Reviewer, Who.Supervisor), Shows: w => w.Order.Number),
        new("POST /supervision/orders/{id:guid}/answer", w => Call.Post($"/supervision/orders/{w.Order.Id}/answer", Fields(("result", "越权答复：已办结"))),
            Staff(Who.Reviewer)),
        new("POST /supervision/orders/{id:guid}/close", w => Call.Post($"/supervision/orders/{w.Order.Id}/close", Fields(("note", "同意办结"))),
            Staff(Who.Supervisor)),
        new("POST /supervision/orders/from-card/{cardId:guid}", w => Call.Post($"/supervision/orders/from-card/{w.CardId}", Fields(("content", "越权督办"))),
            Staff(Who.Supervisor), AllowedRequest: w => Call.Post($"/supervision/orders/from-card/{w.CardId}", Fields(("content", "")))),

        // 差评整改工单 for 市场监管局: its reviewers feed back or appeal; the county supervisor decides appeals.
        new("GET /supervision/rectifications", _ => Call.Get("/supervision/rectifications"),
            List(Who.Reviewer, Who.Supervisor), Shows: w => w.Rectification.Number),
        new("GET /supervision/rectifications/{id:guid}", w => Call.Get($"/supervision/rectifications/{w.Rectification.Id}"),
            Staff(Who.Reviewer, Who.Supervisor), Shows: _ => AccessWorld.RatingComment),
        new("POST /supervision/rectifications/{id:guid}/appeal", w => Call.Post($"/supervision/rectifications/{w.Rectification.Id}/appeal", Fields(("reason", "越权申诉"))),
            Staff(Who.Reviewer), AllowedRequest: w => Call.Post($"/supervision/rectifications/{w.Rectification.Id}/appeal", Fields(("reason", ""))), AllowedAnswer: HttpStatusCode.BadRequest),
        new("POST /supervision/rectifications/{id:guid}/appeal-decision", w => Call.Post($"/supervision/rectifications/{w.Rectification.Id}/appeal-decision", Fields(("upheld", "true"), ("note", "越权复核"))),
            Staff(Who.Supervisor), AllowedRequest: w => Call.Post($"/supervision/rectifications/{w.Rectification.Id}/appeal-decision", Fields(("upheld", "true"), ("note", ""))), AllowedAnswer: HttpStatusCode.BadRequest),
        new("POST /supervision/rectifications/{id:guid}/feedback", w => Call.Post($"/supervision/rectifications/{w.Rectification.Id}/feedback", Fields(("callback", "已回访"), ("rectification", "已整改"))),
            Staff(Who.Reviewer)),
        new("POST /my/cases/{number}/rating/rectification/{orderId:guid}", w => Call.Post($"{Rating(w)}/rectification/{w.Rectification.Id}", Fields(("level", "1"), ("comment", "冒名好评"))),
            CitizenA(), AllowedRequest: w => Call.Post($"{Rating(w)}/rectification/{w.Rectification.Id}", Fields(("level", "2"), ("comment", "已改进")))),

        // 投诉 for staff: a case complaint goes to the department handling it, a hall complaint to the hall's staff.
        new("GET /supervision/complaints", _ => Call.Get("/supervision/complaints"),
            List(Who.Reviewer, Who.Supervisor, Who.Clerk, Who.Chief))
        {
            ShowsTo = (w, who) => who is Who.Clerk or Who.Chief ? w.HallComplaint.Number : w.Complaint.Number,
        },
        new("GET /supervision/complaints/{id:guid}", w => Call.Get($"/supervision/complaints/{w.Complaint.Id}"),
            Staff(Who.Reviewer, Who.Supervisor), Shows: _ => AccessWorld.ComplaintTitle) { Variant = "county department" },
        new("GET /supervision/complaints/{id:guid}", w => Call.Get($"/supervision/complaints/{w.HallComplaint.Id}"),
            Staff(Who.Clerk, Who.Chief, Who.Supervisor), Shows: _ => AccessWorld.HallComplaintTitle) { Variant = "county hall" },
        new("GET /supervision/complaints/{id:guid}", w => Call.Get($"/supervision/complaints/{w.TownshipComplaint.Id}"),
            Staff(Who.OtherReviewer, Who.Supervisor, Who.OtherSupervisor), Shows: _ => AccessWorld.TownshipComplaintTitle) { Variant = "township department", Owner = Who.CitizenB },
        new("GET /supervision/complaints/{id:guid}", w => Call.Get($"/supervision/complaints/{w.TownshipHallComplaint.Id}"),
            Staff(Who.OtherHallClerk, Who.OtherChief, Who.Supervisor, Who.OtherSupervisor), Shows: _ => AccessWorld.TownshipHallComplaintTitle) { Variant = "township hall", Owner = Who.CitizenB },
        new("POST /supervision/complaints/{id:guid}/answer", w => Call.Post($"/supervision/complaints/{w.Complaint.Id}/answer", Fields(("answer", "已核实并电话告知进度。"))),
            Staff(Who.Reviewer)) { Variant = "county department" },
        new("POST /supervision/complaints/{id:guid}/answer", w => Call.Post($"/supervision/complaints/{w.TownshipHallComplaint.Id}/answer", Fields(("answer", "已安排午间值守。"))),
            Staff(Who.OtherHallClerk, Who.OtherChief), AllowedAnswer: HttpStatusCode.Conflict) { Variant = "township hall", Owner = Who.CitizenB }, // the second of the hall's staff finds it answered

        // 效能监察 dashboard: the supervisors, each of their own region (the county's includes its townships).
        new("GET /supervision", _ => Call.Get("/supervision"),
            Supervisors(Expect.OwnOnly), Shows: _ => "云溪县政务服务中心") { OthersNotSee = _ => "云溪县政务服务中心" },
        new("GET /supervision/flags", _ => Call.Get("/supervision/flags"),
            Supervisors(Expect.OwnOnly)),
        new("GET /supervision/ratings", _ => Call.Get("/supervision/ratings"),
            Supervisors(Expect.OwnOnly), Shows: _ => AccessWorld.RatingComment),
        new("GET /supervision/cards", _ => Call.Get("/supervision/cards"),
            Supervisors(Expect.OwnOnly), Shows: w => w.Review.Number),
        new("GET /supervision/cards", w => Call.Get($"/supervision/cards?by=hall&key={w.CountyHallId}&history=true"),
            Supervisors(Expect.OwnOnly), Shows: w => w.Review.Number) { Variant = "drilling into another region's hall" },
        new("GET /supervision/cases/{number}", w => Call.Get($"/supervision/cases/{w.Review.Number}"),
            Supervisors(Expect.NotFound), Shows: w => w.Order.Number),
        new("GET /supervision/cases/{number}", w => Call.Get($"/supervision/cases/{w.Township.Number}"),
            Supervisors(Expect.Allowed), Shows: w => w.Township.Number) { Variant = "township", Owner = Who.CitizenB },
        new("GET /supervision/export.csv", _ => Call.Get("/supervision/export.csv"),
            Supervisors(Expect.OwnOnly), Shows: _ => "云溪县政务服务中心") { OthersNotSee = _ => "云溪县政务服务中心" },

        // Yellow-card rules and "evaluate now": administrators.
        new("GET /admin/supervision", _ => Call.Get("/admin/supervision"),
            AdminOnly(), Shows: _ => IntakeHttp.SoleTrader),
        new("POST /admin/supervision/evaluate", _ => Call.Post("/admin/supervision/evaluate"),
            AdminOnly()),
        new("POST /admin/supervision/refresh-figures", _ => Call.Post("/admin/supervision/refresh-figures"),
            AdminOnly()),
        new("POST /admin/supervision/rules", _ => Call.Post("/admin/supervision/rules", Fields(("basicCode", IntakeHttp.FoodLicence), ("yellowPercent", "1"))),
            AdminOnly()),
        new("POST /admin/supervision/rules/{id:guid}/delete", w => Call.Post($"/admin/supervision/rules/{w.CardRuleId}/delete"),
            AdminOnly()),
    ];
}
