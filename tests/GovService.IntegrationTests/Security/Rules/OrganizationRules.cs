using System.Globalization;
using static GovService.IntegrationTests.Security.Expectations;

namespace GovService.IntegrationTests.Security.Rules;

/// <summary>Organisation: the staff's own workplace, and the administrators' departments, halls, regions and staff.</summary>
internal static class OrganizationRules
{
    private static string V(uint version) => version.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyList<Rule> All =>
    [
        new("GET /workplace", _ => Call.Get("/workplace"),
            Of(Expect.Forbidden, (Who.Agent, Expect.OwnOnly), (Who.Clerk, Expect.OwnOnly), (Who.OtherHallClerk, Expect.OwnOnly), (Who.Chief, Expect.OwnOnly), (Who.OtherChief, Expect.OwnOnly),
                (Who.Reviewer, Expect.OwnOnly), (Who.OtherReviewer, Expect.OwnOnly), (Who.Supervisor, Expect.OwnOnly), (Who.OtherSupervisor, Expect.OwnOnly))),

        new("GET /admin/departments", _ => Call.Get("/admin/departments"),
            AdminOnly(), Shows: _ => "云溪县市场监督管理局"),
        new("GET /admin/departments/new", _ => Call.Get("/admin/departments/new"),
            AdminOnly()),
        new("GET /admin/departments/{id:guid}", w => Call.Get($"/admin/departments/{w.MarketDepartmentId}"),
            AdminOnly(), Shows: _ => "云溪县市场监督管理局"),
        new("POST /admin/departments/save", w => Call.Post("/admin/departments/save", Fields(("Id", w.MarketDepartmentId.ToString()), ("Name", "越权改名局"))),
            AdminOnly(), AllowedRequest: _ => Call.Post("/admin/departments/save", Fields(("Name", "")))),

        new("GET /admin/halls", _ => Call.Get("/admin/halls"),
            AdminOnly(), Shows: _ => "云溪县政务服务中心"),
        new("GET /admin/halls/new", _ => Call.Get("/admin/halls/new"),
            AdminOnly()),
        new("GET /admin/halls/{id:guid}", w => Call.Get($"/admin/halls/{w.CountyHallId}"),
            AdminOnly(), Shows: _ => "矩阵临时窗口"),
        new("POST /admin/halls/save", w => Call.Post("/admin/halls/save", Fields(("Hall.Id", w.CountyHallId.ToString()), ("Hall.Name", "越权改名大厅"))),
            AdminOnly(), AllowedRequest: _ => Call.Post("/admin/halls/save", Fields(("Hall.Name", "")))),
        new("POST /admin/halls/{id:guid}/windows", w => Call.Post($"/admin/halls/{w.CountyHallId}/windows", Fields(("NewWindow.Number", "88"), ("NewWindow.Name", "越权窗口"), ("NewWindow.Category", "Comprehensive"))),
            AdminOnly()),
        new("POST /admin/halls/{id:guid}/windows/{windowId:guid}/remove", w => Call.Post($"/admin/halls/{w.CountyHallId}/windows/{w.WindowId}/remove"),
            AdminOnly()),

        new("GET /admin/regions", _ => Call.Get("/admin/regions"),
            AdminOnly(), Shows: _ => "桃源"),
        new("GET /admin/regions/new", _ => Call.Get("/admin/regions/new"),
            AdminOnly()),
        new("GET /admin/regions/{id:guid}", w => Call.Get($"/admin/regions/{w.CountyRegionId}"),
            AdminOnly(), Shows: _ => "云溪县"),
        new("POST /admin/regions/save", w => Call.Post("/admin/regions/save", Fields(("Id", w.CountyRegionId.ToString()), ("Name", "越权改名县"))),
            AdminOnly(), AllowedRequest: _ => Call.Post("/admin/regions/save", Fields(("Name", "")))),

        new("GET /admin/staff", _ => Call.Get("/admin/staff"),
            AdminOnly(), Shows: _ => "陈静"),
        new("GET /admin/staff/new", _ => Call.Get("/admin/staff/new"),
            AdminOnly()),
        new("GET /admin/staff/{id:guid}", w => Call.Get($"/admin/staff/{w.ReviewerStaff.Id}"),
            AdminOnly(), Shows: _ => "陈静"),
        new("POST /admin/staff/new", w => Call.Post("/admin/staff/new", Fields(("UserName", "matrix.rogue"), ("Name", "越权账号"), ("Role", "Admin"), ("OfficePhone", "0793-7310201"), ("Password", "Rogue2026pass"))),
            AdminOnly(), AllowedRequest: _ => Call.Post("/admin/staff/new", Fields(("UserName", ""), ("Password", "short")))),
        new("POST /admin/staff/{id:guid}", w => Call.Post($"/admin/staff/{w.ReviewerStaff.Id}", Fields(("Name", w.ReviewerStaff.Name), ("Role", "Admin"), ("Title", w.ReviewerStaff.Title), ("OfficePhone", w.ReviewerStaff.OfficePhone), ("Version", V(w.ReviewerStaff.Version)))),
            AdminOnly(), AllowedRequest: w => Call.Post($"/admin/staff/{w.ReviewerStaff.Id}", Fields(("Name", ""), ("Version", V(w.ReviewerStaff.Version))))),
        new("POST /admin/staff/{id:guid}/lock", w => Call.Post($"/admin/staff/{w.ReviewerStaff.Id}/lock", Fields(("locked", "true"))),
            AdminOnly(), AllowedRequest: w => Call.Post($"/admin/staff/{w.ReviewerStaff.Id}/lock", Fields(("locked", "false")))),
    ];
}
