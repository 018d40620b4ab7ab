using System.ComponentModel.DataAnnotations;
using GovService.Web.Shared.Files;
using System.Security.Claims;
using System.Text.Json;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Admin;
using GovService.Web.Modules.Catalog.Browse;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Catalog.Exchange;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Catalog.Controllers;

public sealed record AdminItemRow(ServiceItem Item, ItemVersion? Published, ItemVersion? Draft, ItemVersion Latest);

public sealed record EditPage(ServiceItem Item, ItemVersion Draft, GuideForm Guide, MaterialForm NewMaterial, FieldForm NewField, IReadOnlyList<LintProblem> Problems, IReadOnlyDictionary<Guid, CatalogFile> Files);

/// <summary>Administrators maintain the catalog: create items, edit drafts, publish (with the lint), retire, history, import and export.</summary>
[Area(CatalogModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/catalog")]
public sealed class CatalogAdminController(
    GovDbContext db,
    CatalogEditor editor,
    CatalogQueries queries,
    CatalogImporter importer,
    CatalogExporter exporter,
    IOrganizationDirectory organization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    private string UserName => User.FindFirstValue(ClaimTypes.Name) ?? "admin";

    [HttpGet("")]
    public async Task<IActionResult> Index([MaxLength(200)] string? q, CancellationToken ct)
    {
        var items = await db.Set<ServiceItem>().AsNoTracking().Include(i => i.Versions).OrderBy(i => i.BasicCode).ToListAsync(ct);
        var rows = items
            .Select(i => new AdminItemRow(
                i,
                i.Versions.FirstOrDefault(v => v.Status == VersionStatus.Published),
                i.Versions.FirstOrDefault(v => v.Status == VersionStatus.Draft),
                i.Versions.OrderByDescending(v => v.Number).First()))
            .Where(r => string.IsNullOrWhiteSpace(q) || r.Latest.Name.Contains(q.Trim(), StringComparison.Ordinal) || r.Item.BasicCode.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        ViewData["q"] = q;
        return View(rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await NewForm(new NewItemForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewItemForm form, CancellationToken ct)
    {
        var body = (await organization.DepartmentsAsync(ct)).FirstOrDefault(d => d.Id == form.DepartmentId);
        if (body is null)
        {
            ModelState.AddModelError(nameof(form.DepartmentId), l["Common.Required"]);
        }

        if (await db.Set<ServiceItem>().AnyAsync(i => i.BasicCode == form.BasicCode, ct))
        {
            ModelState.AddModelError(nameof(form.BasicCode), l["Admin.BasicCode.Taken"]);
        }

        if (!ModelState.IsValid)
        {
            return await NewForm(form);
        }

        var item = editor.CreateItem(form.BasicCode, ServiceItem.ComposeImplementationCode(body!.CreditCode, form.Level, form.BasicCode), body.Id, UserName);
        var draft = item.Versions[0];
        draft.Name = form.Name.Trim();
        draft.Level = form.Level;
        draft.ImplementingBodyName = body.Name;
        draft.ImplementingBodyCode = body.CreditCode;
        draft.ConsultPhone = body.Phone;
        draft.BusinessCode = item.ImplementationCode + "01";
        draft.RefreshSearchText(item.BasicCode, item.ImplementationCode);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(Edit), new { code = item.BasicCode });
    }

    /// <summary>Cuts a draft from the published version (or opens the existing draft).</summary>
    [HttpPost("{code}/draft")]
    public async Task<IActionResult> Draft(string code, CancellationToken ct)
    {
        var item = await editor.FindItemAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        await editor.GetOrCreateDraftAsync(item, UserName, ct);
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Edit), new { code });
    }

    [HttpGet("{code}/edit")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct)
    {
        var (item, draft) = await DraftOf(code, ct);
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
    public async Task<IActionResult> Edit(string code, [Bind(Prefix = "Guide")] GuideForm form, CancellationToken ct)
    {
        var (item, draft) = await DraftOf(code, ct);
        if (item is null || draft is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await EditView(item, draft, form, null, null, [], ct);
        }

        db.Entry(draft).Property(v => v.RowVersion).OriginalValue = form.RowVersion;
        form.ApplyTo(draft);
        draft.RefreshSearchText(item.BasicCode, item.ImplementationCode);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Common.ConcurrentEdit"]);
            return await EditView(item, draft, form, null, null, [], ct);
        }

        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(Edit), new { code });
    }

    [HttpPost("{code}/materials")]
    public async Task<IActionResult> SaveMaterial(string code, [Bind(Prefix = "NewMaterial")] MaterialForm form, CancellationToken ct)
    {
        var (item, draft) = await DraftOf(code, ct);
        if (item is null || draft is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await EditView(item, draft, GuideForm.From(draft), form, null, [], ct);
        }

        var material = form.Id is { } id ? draft.Materials.FirstOrDefault(m => m.Id == id) : null;
        if (form.Id is not null && material is null)
        {
            return NotFound();
        }

        if (material is null)
        {
            material = new Material { VersionId = draft.Id, Position = draft.Materials.Count == 0 ? 1 : draft.Materials.Max(m => m.Position) + 1 };
            db.Add(material);
        }

        material.Name = form.Name.Trim();
        material.Source = form.Source;
        material.IssuingBody = form.IssuingBody.Trim();
        material.Originals = form.Originals;
        material.Copies = form.Copies;
        material.Required = form.Required;
        material.DeficiencyAllowed = form.DeficiencyAllowed;
        material.Instructions = form.Instructions.Trim();
        material.CommonMistakes = form.CommonMistakes.Trim();
        material.LicenceType = form.LicenceType.Trim();
        material.IsForm = form.IsForm;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Common.Saved";
        return Redirect($"/admin/catalog/{code}/edit#materials");
    }

    [HttpPost("{code}/materials/{id:guid}/remove")]
    public async Task<IActionResult> RemoveMaterial(string code, Guid id, CancellationToken ct)
    {
        var (_, draft) = await DraftOf(code, ct);
        var material = draft?.Materials.FirstOrDefault(m => m.Id == id);
        if (material is null)
        {
            return NotFound();
        }

        db.Remove(material);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Common.Saved";
        return Redirect($"/admin/catalog/{code}/edit#materials");
    }

    /// <summary>Uploads the blank form or the filled sample of a material: PDF, Word, Excel or image, checked by content, at most 10 MB.</summary>
    [HttpPost("{code}/materials/{id:guid}/file")]
    [RequestSizeLimit(UploadRules.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRules.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> UploadFile(string code, Guid id, [MaxLength(50)] string slot, IFormFile? file, CancellationToken ct)
    {
        var (_, draft) = await DraftOf(code, ct);
        var material = draft?.Materials.FirstOrDefault(m => m.Id == id);
        if (material is null || slot is not ("blank" or "sample"))
        {
            return NotFound();
        }

        var (content, kind, problem) = await UploadRules.ReadAsync(file, _ => true, ct);
        string? error = problem == UploadRules.Problem.None ? null : l["Admin.Upload." + problem].Value;
        if (error is not null)
        {
            TempData["Errors"] = error;
            return Redirect($"/admin/catalog/{code}/edit#materials");
        }

        var refined = UploadRules.Refine(kind!, file!.FileName);
        var stored = CatalogFile.From(StoredFileName.For(file.FileName, refined, material.Name, CatalogFile.FileNameMaxLength), refined.ContentType, content, clock.GetUtcNow());
        db.Add(stored);
        if (slot == "blank")
        {
            material.BlankFormFileId = stored.Id;
            material.IsForm = true;
        }
        else
        {
            material.SampleFileId = stored.Id;
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Admin.Upload.Done";
        return Redirect($"/admin/catalog/{code}/edit#materials");
    }

    [HttpPost("{code}/fields")]
    public async Task<IActionResult> SaveField(string code, [Bind(Prefix = "NewField")] FieldForm form, CancellationToken ct)
    {
        var (item, draft) = await DraftOf(code, ct);
        if (item is null || draft is null)
        {
            return NotFound();
        }

        var options = form.Options.Split(['\n', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (form.Kind == FieldKind.Choice && options.Length < 2)
        {
            ModelState.AddModelError("NewField.Options", l["Admin.Field.Options.Required"]);
        }

        if (draft.Fields.Any(f => f.Key == form.Key && f.Id != form.Id))
        {
            ModelState.AddModelError("NewField.Key", l["Admin.Field.Key.Taken"]);
        }

        if (!ModelState.IsValid)
        {
            return await EditView(item, draft, GuideForm.From(draft), null, form, [], ct);
        }

        var field = form.Id is { } id ? draft.Fields.FirstOrDefault(f => f.Id == id) : null;
        if (form.Id is not null && field is null)
        {
            return NotFound();
        }

        if (field is null)
        {
            field = new FormField { VersionId = draft.Id, Position = draft.Fields.Count == 0 ? 1 : draft.Fields.Max(f => f.Position) + 1 };
            db.Add(field);
        }

        field.Key = form.Key;
        field.Label = form.Label.Trim();
        field.Kind = form.Kind;
        field.Required = form.Required;
        field.Options = form.Kind == FieldKind.Choice ? options : [];
        field.Help = form.Help.Trim();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Common.Saved";
        return Redirect($"/admin/catalog/{code}/edit#fields");
    }

    [HttpPost("{code}/fields/{id:guid}/remove")]
    public async Task<IActionResult> RemoveField(string code, Guid id, CancellationToken ct)
    {
        var (_, draft) = await DraftOf(code, ct);
        var field = draft?.Fields.FirstOrDefault(f => f.Id == id);
        if (field is null)
        {
            return NotFound();
        }

        db.Remove(field);
        await db.SaveChangesAsync(ct);
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
    public async Task<IActionResult> Publish(string code, CancellationToken ct)
    {
        var (item, draft) = await DraftOf(code, ct);
        if (item is null || draft is null)
        {
            return NotFound();
        }

        var problems = await editor.PublishAsync(draft, UserName, ct);
        if (problems.Count > 0)
        {
            return await EditView(item, draft, GuideForm.From(draft), null, null, problems, ct);
        }

        TempData["Flash"] = "Admin.PublishedNow";
        return RedirectToAction(nameof(History), new { code });
    }

    [HttpPost("{code}/retire")]
    public async Task<IActionResult> Retire(string code, CancellationToken ct)
    {
        var item = await editor.FindItemAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        TempData["Flash"] = await editor.RetireAsync(item, ct) ? "Admin.Retired" : "Admin.NothingToRetire";
        return RedirectToAction(nameof(History), new { code });
    }

    [HttpGet("{code}/history")]
    public async Task<IActionResult> History(string code, CancellationToken ct)
    {
        var item = await db.Set<ServiceItem>().AsNoTracking().Include(i => i.Versions).FirstOrDefaultAsync(i => i.BasicCode == code, ct);
        if (item is null)
        {
            return NotFound();
        }

        item.Versions = [.. item.Versions.OrderByDescending(v => v.Number)];
        return View(item);
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
    public async Task<IActionResult> Import(IFormFile? catalog, bool publish, CancellationToken ct)
    {
        if (catalog is null || catalog.Length == 0)
        {
            TempData["Errors"] = l["Admin.Upload.NoFile"].Value;
            return RedirectToAction(nameof(Index));
        }

        await using var stream = catalog.OpenReadStream();
        var (document, errors) = await importer.ParseAsync(stream, ct);
        if (document is null)
        {
            TempData["Errors"] = string.Join("\n", errors.Take(50));
            return RedirectToAction(nameof(Index));
        }

        var outcome = await importer.ImportAsync(document, UserName, publish, ct);
        TempData["ImportOutcome"] = l["Admin.Import.Outcome", outcome.Created, outcome.Updated, outcome.Published, outcome.Bundles].Value
            + (outcome.LintFailures.Count > 0 ? "\n" + string.Join("\n", outcome.LintFailures) : "");
        return RedirectToAction(nameof(Index));
    }

    private async Task<(ServiceItem? Item, ItemVersion? Draft)> DraftOf(string code, CancellationToken ct)
    {
        var item = await db.Set<ServiceItem>().FirstOrDefaultAsync(i => i.BasicCode == code, ct);
        if (item is null)
        {
            return (null, null);
        }

        var draft = await db.Set<ItemVersion>().Include(v => v.Materials).Include(v => v.Fields)
            .FirstOrDefaultAsync(v => v.ItemId == item.Id && v.Status == VersionStatus.Draft, ct);
        if (draft is not null)
        {
            draft.Materials = [.. draft.Materials.OrderBy(m => m.Position)];
            draft.Fields = [.. draft.Fields.OrderBy(f => f.Position)];
        }

        return (item, draft);
    }

    private async Task<IActionResult> EditView(ServiceItem item, ItemVersion draft, GuideForm guide, MaterialForm? material, FieldForm? field, IReadOnlyList<LintProblem> problems, CancellationToken ct)
    {
        var fileIds = draft.Materials.SelectMany(m => new[] { m.BlankFormFileId, m.SampleFileId }).OfType<Guid>().ToList();
        var files = await db.Set<CatalogFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id))
            .Select(f => new CatalogFile { Id = f.Id, FileName = f.FileName, Size = f.Size })
            .ToDictionaryAsync(f => f.Id, ct);
        return View("Edit", new EditPage(item, draft, guide, material ?? new MaterialForm(), field ?? new FieldForm(), problems, files));
    }

    private async Task<IActionResult> NewForm(NewItemForm form)
    {
        ViewBag.Departments = (await organization.DepartmentsAsync()).Select(d => new SelectListItem(d.Name, d.Id.ToString())).ToList();
        return View("Create", form);
    }
}
