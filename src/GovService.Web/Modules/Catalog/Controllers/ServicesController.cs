using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Catalog.Browse;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.CodeLists;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using GovService.Web.Infrastructure.Web;

namespace GovService.Web.Modules.Catalog.Controllers;

public sealed record BrowsePage(SearchFilter Filter, PageOf<ItemSummary> Results, IReadOnlyList<(DepartmentInfo Department, int Items)> Departments, IReadOnlyList<Bundle> Bundles);

/// <summary>The public catalog: browse by audience, theme, department and level; search; guides; bundles; downloads.</summary>
[Area(CatalogModule.Name)]
[AllowAnonymous]
[Route("services")]
public sealed class ServicesController(CatalogQueries queries, IOrganizationDirectory organization) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Index([MaxLength(200)] string? q, Audience? audience, [MaxLength(50)] string? theme, Guid? department, int? level, int page = 1, CancellationToken ct = default)
    {
        var filter = new SearchFilter(q, audience, theme, department, level, page, 20).Normalized();
        var results = await queries.SearchAsync(filter, ct);
        var counts = await queries.ItemsPerDepartmentAsync(filter, ct);
        var departments = (await organization.DepartmentsAsync(ct))
            .Where(d => counts.ContainsKey(d.Id) || d.Id == filter.DepartmentId)
            .Select(d => (d, counts.GetValueOrDefault(d.Id)))
            .ToList();
        return View(new BrowsePage(filter, results, departments, await queries.BundlesAsync(ct)));
    }

    [HttpGet("{code:regex(^[[0-9A-Z]]{{12}}$)}")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public Task<IActionResult> Guide(string code, CancellationToken ct) => Show(code, null, "Guide", ct);

    [HttpGet("{code:regex(^[[0-9A-Z]]{{12}}$)}/v{number:int}")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public Task<IActionResult> Version(string code, int number, CancellationToken ct) => Show(code, number, "Guide", ct);

    /// <summary>一次性告知单: every material, printable on A4, so nobody has to come back for a missing paper.</summary>
    [HttpGet("{code:regex(^[[0-9A-Z]]{{12}}$)}/checklist")]
    public Task<IActionResult> Checklist(string code, CancellationToken ct) => Show(code, null, "Checklist", ct);

    [HttpGet("bundles/{code}")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Bundle(string code, CancellationToken ct)
    {
        var bundle = await queries.BundleAsync(code, ct);
        return bundle is null ? NotFound() : View(bundle);
    }

    [HttpGet("files/{id:guid}")]
    public async Task<IActionResult> File(Guid id, CancellationToken ct)
    {
        var file = await queries.FileAsync(id, includeDrafts: User.IsInRole(Roles.Admin), ct);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=3600";
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> Show(string code, int? number, string view, CancellationToken ct)
    {
        var guide = await queries.GuideAsync(code, number, includeDrafts: false, ct);
        return guide is null ? NotFound() : View(view, guide);
    }
}
