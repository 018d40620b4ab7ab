using GovService.IntegrationTests.Infrastructure;
using static GovService.IntegrationTests.Security.Expectations;

namespace GovService.IntegrationTests.Security.Rules;

/// <summary>Catalog: the public guides, bundles, files and open-data API; the administrators' catalog editing. Calendar administration.</summary>
internal static class CatalogRules
{
    private const string Code = AccessWorld.CatalogCode;

    /// <summary>The name of the administrators' unpublished draft: no public page or API shows it.</summary>
    private static string Draft(AccessWorld world) => "矩阵测试事项";

    public static IReadOnlyList<Rule> All =>
    [
        // 办事指南 and open data: anyone.
        new("GET /services", _ => Call.Get("/services?q=矩阵"),
            Everyone(Expect.Public)) { OthersNotSee = Draft },
        new("GET /services/{code:regex(^[0-9A-Z]{{12}}$)}", _ => Call.Get($"/services/{IntakeHttp.FoodLicence}"),
            Everyone(Expect.Public)),
        new("GET /services/{code:regex(^[0-9A-Z]{{12}}$)}", _ => Call.Get($"/services/{Code}"),
            Everyone(Expect.NotFound)) { Variant = "draft", OthersNotSee = Draft },
        new("GET /services/{code:regex(^[0-9A-Z]{{12}}$)}/v{number:int}", _ => Call.Get($"/services/{IntakeHttp.FoodLicence}/v1"),
            Everyone(Expect.Public)),
        new("GET /services/{code:regex(^[0-9A-Z]{{12}}$)}/checklist", _ => Call.Get($"/services/{IntakeHttp.FoodLicence}/checklist"),
            Everyone(Expect.Public)),
        new("GET /services/bundles/{code}", _ => Call.Get($"/services/bundles/{IntakeWorld.Bundle}"),
            Everyone(Expect.Public)),

        // A file of a draft not yet published: administrators only; for anyone else it does not exist.
        new("GET /services/files/{id:guid}", w => Call.Get($"/services/files/{w.DraftFileId}"),
            Of(Expect.NotFound, (Who.Anonymous, Expect.NotFound), (Who.Admin, Expect.Allowed))),

        new("GET /api/v1/catalog/items", _ => Call.Get("/api/v1/catalog/items?q=矩阵"),
            Everyone(Expect.Public)) { OthersNotSee = Draft },
        new("GET /api/v1/catalog/items/{basicCode}", _ => Call.Get($"/api/v1/catalog/items/{IntakeHttp.FoodLicence}"),
            Everyone(Expect.Public)),
        new("GET /api/v1/catalog/items/{basicCode}", _ => Call.Get($"/api/v1/catalog/items/{Code}"),
            Everyone(Expect.NotFound)) { Variant = "draft", OthersNotSee = Draft },
        new("GET /api/v1/catalog/items.csv", _ => Call.Get("/api/v1/catalog/items.csv"),
            Everyone(Expect.Public)) { OthersNotSee = Draft },
        new("GET /api/v1/catalog/bundles", _ => Call.Get("/api/v1/catalog/bundles"),
            Everyone(Expect.Public)),
        new("GET /api/v1/catalog/bundles/{code}", _ => Call.Get($"/api/v1/catalog/bundles/{IntakeWorld.Bundle}"),
            Everyone(Expect.Public)),
        new("GET /api/v1/catalog/departments", _ => Call.Get("/api/v1/catalog/departments"),
            Everyone(Expect.Public)),
        new("GET /api/v1/catalog/figures", _ => Call.Get("/api/v1/catalog/figures"),
            Everyone(Expect.Public)),

        // Catalog administration; the draft item of the world (publishing and retiring last: they end the draft).
        new("GET /admin/catalog", _ => Call.Get("/admin/catalog"),
            AdminOnly(), Shows: _ => "矩阵测试事项"),
        new("GET /admin/catalog/new", _ => Call.Get("/admin/catalog/new"),
            AdminOnly()),
        new("GET /admin/catalog/{code}/edit", _ => Call.Get($"/admin/catalog/{Code}/edit"),
            AdminOnly(), Shows: _ => "备用材料"),
        new("GET /admin/catalog/{code}/history", _ => Call.Get($"/admin/catalog/{Code}/history"),
            AdminOnly(), Shows: _ => "矩阵测试事项"),
        new("GET /admin/catalog/{code}/preview", _ => Call.Get($"/admin/catalog/{Code}/preview"),
            AdminOnly(), Shows: _ => "矩阵测试事项"),
        new("GET /admin/catalog/export", _ => Call.Get("/admin/catalog/export"),
            AdminOnly(), Shows: _ => IntakeHttp.FoodLicence),
        new("POST /admin/catalog/new", w => Call.Post("/admin/catalog/new", Fields(("BasicCode", "000199960000"), ("Name", "越权新建事项"), ("DepartmentId", w.MarketDepartmentId.ToString()), ("Level", "4"))),
            AdminOnly()),
        new("POST /admin/catalog/{code}/draft", _ => Call.Post($"/admin/catalog/{IntakeHttp.FoodLicence}/draft"),
            AdminOnly()),
        new("POST /admin/catalog/{code}/edit", _ => Call.Post($"/admin/catalog/{Code}/edit", Fields(("Guide.Name", "越权改名事项"))),
            AdminOnly()),
        new("POST /admin/catalog/{code}/materials", _ => Call.Post($"/admin/catalog/{Code}/materials", Fields(("NewMaterial.Name", "越权材料"), ("NewMaterial.Source", "Applicant"), ("NewMaterial.Originals", "1"))),
            AdminOnly()),
        new("POST /admin/catalog/{code}/materials/{id:guid}/file", w => Call.Post($"/admin/catalog/{Code}/materials/{w.DraftMaterialId}/file", Fields(("slot", "sample")), [TestFile.Pdf("file", "样表.pdf")]),
            AdminOnly()),
        new("POST /admin/catalog/{code}/materials/{id:guid}/remove", w => Call.Post($"/admin/catalog/{Code}/materials/{w.SpareMaterialId}/remove"),
            AdminOnly()),
        new("POST /admin/catalog/{code}/fields", _ => Call.Post($"/admin/catalog/{Code}/fields", Fields(("NewField.Key", "rogue"), ("NewField.Label", "越权字段"), ("NewField.Kind", "Text"))),
            AdminOnly()),
        new("POST /admin/catalog/{code}/fields/{id:guid}/remove", w => Call.Post($"/admin/catalog/{Code}/fields/{w.DraftFieldId}/remove"),
            AdminOnly()),
        new("POST /admin/catalog/import", _ => Call.Post("/admin/catalog/import"),
            AdminOnly()),
        new("POST /admin/catalog/{code}/publish", _ => Call.Post($"/admin/catalog/{Code}/publish"),
            AdminOnly()),
        new("GET /admin/catalog/{code}/retire", _ => Call.Get($"/admin/catalog/{Code}/retire"),
            AdminOnly(), Shows: _ => "废止事项："),
        new("POST /admin/catalog/{code}/retire", _ => Call.Post($"/admin/catalog/{Code}/retire"),
            AdminOnly()),

        // 工作日历: administrators.
        new("GET /admin/calendar", _ => Call.Get("/admin/calendar"),
            AdminOnly(), Shows: _ => "2026"),
        new("POST /admin/calendar/import", _ => Call.Post("/admin/calendar/import"),
            AdminOnly()),
        new("POST /admin/calendar/check", _ => Call.Post("/admin/calendar/check"),
            AdminOnly()),
    ];
}
