using System.ComponentModel.DataAnnotations;
using GovService.Web.Shared.Files;
using System.Security.Claims;
using System.Text.Json;
using GovService.Web.Modules.Catalog.Admin;
using GovService.Web.Modules.Catalog.Browse;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Catalog.Exchange;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Catalog.Controllers;

/// <summary>Administrators maintain the catalog: create items, edit drafts, publish (with the lint), retire, history, import and export.</summary>
[Area(CatalogModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/catalog")]
public sealed class CatalogAdminController(
    CatalogAdminQueries pages,
    CatalogEditor editor,
    CatalogQueries queries,
    CatalogExporter exporter,
    IOrganizationDirectory organization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    private string UserName => User.FindFirstValue(ClaimTypes.Name) ?? "admin";

    [HttpGet("")]
    public async Task<IActionResult> Index([MaxLength(200)] string? q, CancellationToken ct)
    {
        var rows = await pages.RowsAsync(q, ct);
        ViewData["q"] = q;
        return View(rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await NewForm(new NewItemForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewItemForm form, [FromServices] CreateItem createItem, CancellationToken ct)
    {
        var (code, errors) = await createItem.RunAsync(form, ModelState.IsValid, UserName, ct);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        if (code is null)
        {
            return await NewForm(form);
        }

        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(Edit), new { code });
    }

    /// <summary>Cuts a draft from the published version (or opens the existing draft).</summary>
    [HttpPost("{code}/draft")]
    public async Task<IActionResult> Draft(string code, [FromServices] CutDraft cutDraft, CancellationToken ct) =>
        await cutDraft.RunAsync(code, UserName, ct) ? RedirectToAction(nameof(Edit), new { code }) : NotFound();

    [HttpGet("{code}/edit")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct)
    {
        var (item, draft) = await editor.DraftOfAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        if (draft is null)
        {
            TempData["Flash"] = "Admin.NoDraft";
            return RedirectToAction(nameof(History), new { code });
        }

        return await EditView(item, draft, GuideForm.From(draft), null, null, [], ct);
    }

    [HttpPost("{code}/edit")]
    public async Task<IActionResult> Edit(string code, [Bind(Prefix = "Guide")] GuideForm form, [FromServices] SaveGuide saveGuide, CancellationToken ct)
    {
        var (item, draft) = await editor.DraftOfAsync(code, ct);
        if (item is null || draft is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await EditView(item, draft, form, null, null, [], ct);
        }

        if (await saveGuide.RunAsync(item, draft, form, ct) is { } refused)
        {
            ModelState.AddModelError(string.Empty, refused);
            return await EditView(item, draft, form, null, null, [], ct);
        }

        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(Edit), new { code });
    }

    [HttpPost("{code}/materials")]
    public async Task<IActionResult> SaveMaterial(string code, [Bind(Prefix = "NewMaterial")] MaterialForm form, [FromServices] SaveMaterial saveMaterial, CancellationToken ct)
    {
        var (item, draft) = await editor.DraftOfAsync(code, ct);
        if (item is null || draft is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await EditView(item, draft, GuideForm.From(draft), form, null, [], ct);
        }

        if (!await saveMaterial.RunAsync(draft, form, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "Common.Saved";
        return Redirect($"/admin/catalog/{code}/edit#materials");
    }

    [HttpPost("{code}/materials/{id:guid}/remove")]
    public async Task<IActionResult> RemoveMaterial(string code, Guid id, [FromServices] RemoveFromDraft remove, CancellationToken ct)
    {
        if (!await remove.MaterialAsync(code, id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "Common.Saved";
        return Redirect($"/admin/catalog/{code}/edit#materials");
    }

    /// <summary>Uploads the blank form or the filled sample of a material: PDF, Word, Excel or image, checked by content, at most 10 MB.</summary>
    [HttpPost("{code}/materials/{id:guid}/file")]
    [RequestSizeLimit(UploadRules.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRules.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> UploadFile(string code, Guid id, [MaxLength(50)] string slot, IFormFile? file, [FromServices] UploadMaterialFile upload, CancellationToken ct)
    {
        var (found, error) = await upload.RunAsync(code, id, slot, file, ct);
        if (!found)
        {
            return NotFound();
        }

        if (error is not null)
        {
            TempData["Errors"] = error;
            return Redirect($"/admin/catalog/{code}/edit#materials");
        }

        TempData["Flash"] = "Admin.Upload.Done";
        return Redirect($"/admin/catalog/{code}/edit#materials");
    }

    [HttpPost("{code}/fields")]
    public async Task<IActionResult> SaveField(string code, [Bind(Prefix = "NewField")] FieldForm form, [FromServices] SaveField saveField, CancellationToken ct)
    {
        var (item, draft) = await editor.DraftOfAsync(code, ct);
        if (item is null || draft is null)
        {
            return NotFound();
        }

        var (outcome, errors) = await saveField.RunAsync(draft, form, ModelState.IsValid, ct);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        switch (outcome)
        {
            case FieldSaved.Refused:
                return await EditView(item, draft, GuideForm.From(draft), null, form, [], ct);
            case FieldSaved.NoSuchField:
                return NotFound();
        }

        TempData["Flash"] = "Common.Saved";
        return Redirect($"/admin/catalog/{code}/edit#fields");
    }

    [HttpPost("{code}/fields/{id:guid}/remove")]
    public async Task<IActionResult> RemoveField(string code, Guid id, [FromServices] RemoveFromDraft remove, CancellationToken ct)
    {
        if (!await remove.FieldAsync(code, id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "Common.Saved";
        return Redirect($"/admin/catalog/{code}/edit#fields");
    }

    /// <summary>The draft as the public will see it.</summary>
    [HttpGet("{code}/preview")]
    public async Task<IActionResult> Preview(string code, int? version, CancellationToken ct)
    {
        var guide = await queries.GuideAsync(code, version, includeDrafts: true, ct);
        return guide is null ? NotFound() : View(guide);
    }

    [HttpPost("{code}/publish")]
    public async Task<IActionResult> Publish(string code, [FromServices] PublishItem publish, CancellationToken ct)
    {
        var (item, draft) = await editor.DraftOfAsync(code, ct);
        if (item is null || draft is null)
        {
            return NotFound();
        }

        var problems = await publish.RunAsync(draft, UserName, ct);
        if (problems.Count > 0)
        {
            return await EditView(item, draft, GuideForm.From(draft), null, null, problems, ct);
        }

        TempData["Flash"] = "Admin.PublishedNow";
        return RedirectToAction(nameof(History), new { code });
    }

    /// <summary>废止 asks first: what withdrawing means, and why (the reason is kept with the version).</summary>
    [HttpGet("{code}/retire")]
    public async Task<IActionResult> Retire([MaxLength(12)] string code, CancellationToken ct) => await RetireView(code, new RetireForm(), ct);

    [HttpPost("{code}/retire")]
    public async Task<IActionResult> Retire([MaxLength(12)] string code, RetireForm form, [FromServices] RetireItem retire, CancellationToken ct)
    {
        var outcome = await retire.RunAsync(code, form, ModelState.IsValid, UserName, ct);
        switch (outcome)
        {
            case RetireOutcome.NoSuchItem:
                return NotFound();
            case RetireOutcome.Invalid:
                return await RetireView(code, form, ct);
            default:
                TempData["Flash"] = outcome == RetireOutcome.Retired ? "Admin.Retired" : "Admin.NothingToRetire";
                return RedirectToAction(nameof(History), new { code });
        }
    }

    [HttpGet("{code}/history")]
    public async Task<IActionResult> History(string code, CancellationToken ct)
    {
        var item = await pages.HistoryAsync(code, ct);
        return item is null ? NotFound() : View(item);
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(CancellationToken ct)
    {
        var document = await exporter.ExportAsync(ct);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, CatalogDocument.Json);
        return File(bytes, "application/json", $"govservice-catalog-{clock.GetUtcNow():yyyyMMdd}.json");
    }

    [HttpPost("import")]
    [RequestSizeLimit(CatalogImporter.MaxFileBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = CatalogImporter.MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? catalog, bool publish, [FromServices] ImportCatalog import, CancellationToken ct)
    {
        if (catalog is null || catalog.Length == 0)
        {
            TempData["Errors"] = l["Admin.Upload.NoFile"].Value;
            return RedirectToAction(nameof(Index));
        }

        await using var stream = catalog.OpenReadStream();
        var (outcome, errors) = await import.RunAsync(stream, UserName, publish, ct);
        if (outcome is null)
        {
            TempData["Errors"] = string.Join("\n", errors.Take(50));
            return RedirectToAction(nameof(Index));
        }

        TempData["ImportOutcome"] = l["Admin.Import.Outcome", outcome.Created, outcome.Updated, outcome.Published, outcome.Bundles].Value
            + (outcome.LintFailures.Count > 0 ? "\n" + string.Join("\n", outcome.LintFailures) : "");
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> EditView(ServiceItem item, ItemVersion draft, GuideForm guide, MaterialForm? material, FieldForm? field, IReadOnlyList<LintProblem> problems, CancellationToken ct) =>
        View("Edit", await pages.EditPageAsync(item, draft, guide, material, field, problems, ct));

    private async Task<IActionResult> RetireView(string code, RetireForm form, CancellationToken ct)
    {
        var item = await pages.HistoryAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        ViewBag.Item = item;
        return View("Retire", form);
    }

    private async Task<IActionResult> NewForm(NewItemForm form)
    {
        ViewBag.Departments = (await organization.DepartmentsAsync()).Select(d => new SelectListItem(d.Name, d.Id.ToString())).ToList();
        return View("Create", form);
    }
}
