using System.Net;
using GovService.IntegrationTests.Infrastructure;
using static GovService.IntegrationTests.Security.Expectations;

namespace GovService.IntegrationTests.Security.Rules;

/// <summary>Approval: the departments' review queues, the chief representative's desk and the routing templates.</summary>
internal static class ApprovalRules
{
    /// <summary>A step of 市场监管局: its reviewers only; 民政局's reviewer is answered as if it did not exist.</summary>
    private static Dictionary<Who, Expect> DepartmentX() => Of(Expect.Forbidden, (Who.Reviewer, Expect.Allowed), (Who.OtherReviewer, Expect.NotFound));

    /// <summary>A step of 民政局 (citizen B's township case): the other way round.</summary>
    private static Dictionary<Who, Expect> DepartmentY() => Of(Expect.Forbidden, (Who.OtherReviewer, Expect.Allowed), (Who.Reviewer, Expect.NotFound));

    private static List<KeyValuePair<string, string>> FoodLicenceRoute(string name) =>
        [new("rows[0].Stage", "1"), new("rows[0].Mode", "One"), new("rows[0].Name", name), new("rows[0].LimitWorkingDays", "1"), new("rows[0].Decides", "true")];

    public static IReadOnlyList<Rule> All =>
    [
        // 审批队列: a reviewer works their department's steps only.
        new("GET /review", _ => Call.Get("/review"),
            Of(Expect.Forbidden, (Who.Reviewer, Expect.Allowed), (Who.OtherReviewer, Expect.OwnOnly)), Shows: w => w.Review.Number),
        new("GET /review", w => Call.Get($"/review?q={w.Review.Number}"),
            Of(Expect.Forbidden, (Who.Reviewer, Expect.Allowed), (Who.OtherReviewer, Expect.OwnOnly)), Shows: w => w.Review.Number) { Variant = "searching for another department's case" },
        new("GET /review/tasks/{id:guid}", w => Call.Get($"/review/tasks/{w.ReviewTaskId}"),
            DepartmentX(), Shows: w => w.Review.Number),
        new("GET /review/tasks/{id:guid}", w => Call.Get($"/review/tasks/{w.TownshipTaskId}"),
            DepartmentY(), Shows: w => w.Township.Number) { Variant = "township", Owner = Who.CitizenB },
        new("POST /review/tasks/{id:guid}/claim", w => Call.Post($"/review/tasks/{w.ReviewTaskId}/claim"),
            DepartmentX()),
        new("POST /review/tasks/{id:guid}/{verb:regex(^(pass|return|supplement|special|special-end|extension|transfer|decide)$)}",
            w => Call.Post($"/review/tasks/{w.ReviewTaskId}/decide", Fields(("Decision", "approve"), ("Opinion", "越权准予许可"))),
            DepartmentX(), AllowedRequest: w => Call.Post($"/review/tasks/{w.ReviewTaskId}/pass", Fields(("Opinion", ""))), AllowedAnswer: HttpStatusCode.BadRequest),
        new("POST /review/tasks/{id:guid}/{verb:regex(^(pass|return|supplement|special|special-end|extension|transfer|decide)$)}",
            w => Call.Post($"/review/tasks/{w.TownshipTaskId}/decide", Fields(("Decision", "deny"), ("Opinion", "越权不予许可"), ("LegalBasis", "无"))),
            DepartmentY(), AllowedRequest: w => Call.Post($"/review/tasks/{w.TownshipTaskId}/pass", Fields(("Opinion", "未领取先办理"))), AllowedAnswer: HttpStatusCode.BadRequest)
        { Variant = "township", Owner = Who.CitizenB },
        new("POST /review/tasks/{id:guid}/release", w => Call.Post($"/review/tasks/{w.ReviewTaskId}/release"),
            DepartmentX()),

        // 首席代表: extension requests and the steps a template lets the chief decide, on their own hall's cases.
        new("GET /window/extensions", _ => Call.Get("/window/extensions"),
            Of(Expect.Forbidden, (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.OwnOnly)), Shows: w => w.Extension.Number),
        new("POST /window/extensions/{id:guid}", w => Call.Post($"/window/extensions/{w.ExtensionRequestId}", Fields(("decision", "grant"))),
            Of(Expect.Forbidden, (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.NotFound))),
        new("POST /window/extensions/decide/{taskId:guid}", w => Call.Post($"/window/extensions/decide/{w.ChiefTaskId}", Fields(("decision", "approve"), ("opinion", "授权审批：准予许可"))),
            Of(Expect.Forbidden, (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.NotFound))),

        // 二次补正: the county supervisor decides A's request; the township supervisor sees an empty list and nothing else.
        new("GET /supervision/supplements", _ => Call.Get("/supervision/supplements"),
            Of(Expect.Forbidden, (Who.Supervisor, Expect.Allowed), (Who.OtherSupervisor, Expect.OwnOnly)), Shows: w => w.SecondSupplement.Number),
        new("GET /supervision/supplements/{id:guid}", w => Call.Get($"/supervision/supplements/{w.SecondSupplementRequestId}"),
            Of(Expect.Forbidden, (Who.Supervisor, Expect.Allowed), (Who.OtherSupervisor, Expect.NotFound)), Shows: w => w.SecondSupplement.Number),
        new("POST /supervision/supplements/{id:guid}", w => Call.Post($"/supervision/supplements/{w.SecondSupplementRequestId}", Fields(("decision", "refuse"), ("note", "越权审批"))),
            Of(Expect.Forbidden, (Who.Supervisor, Expect.Allowed), (Who.OtherSupervisor, Expect.NotFound))),

        // 审批流程 templates: administrators.
        new("GET /admin/routes", _ => Call.Get("/admin/routes"),
            AdminOnly(), Shows: _ => IntakeHttp.FoodLicence),
        new("GET /admin/routes/{code}", _ => Call.Get($"/admin/routes/{IntakeHttp.FoodLicence}"),
            AdminOnly(), Shows: _ => "材料审查"),
        new("POST /admin/routes/{code}", w => Call.Post($"/admin/routes/{IntakeHttp.FoodLicence}", [.. FoodLicenceRoute("越权一步审批"), new("rows[0].DepartmentId", w.MarketDepartmentId.ToString())]),
            AdminOnly(), AllowedRequest: _ => Call.Post($"/admin/routes/{IntakeHttp.FoodLicence}", FoodLicenceRoute("缺少部门")), AllowedAnswer: HttpStatusCode.BadRequest),
    ];
}
