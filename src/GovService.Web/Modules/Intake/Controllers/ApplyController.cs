using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.OnlineApplication;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Controllers;

public sealed record ApplyPage(PublishedItem Item, IReadOnlyList<PublishedField> Fields, IReadOnlyList<PublishedMaterial> Materials, OnlineApplicationForm Form, IReadOnlyList<CaseFileInfo> Uploaded);

/// <summary>网上申请: a citizen fills in an item's form online, saves it as a draft or submits it.</summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = Roles.Citizen)]
[Route("apply")]
public sealed class ApplyController(GovDbContext db, ICatalogDirectory catalog, ApplyOnline apply, MaterialFiles files) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("{code}")]
    public async Task<IActionResult> Start(string code, Guid? key, string? copyFrom, CancellationToken ct)
    {
        var item = await catalog.FindPublishedAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        var draft = key is { } k ? await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == k && c.ApplicantUserId == Me && c.State == CaseState.Draft, ct) : null;
        var form = draft is null
            ? new OnlineApplicationForm { ApplicationKey = Guid.CreateVersion7(), ContactMobile = User.FindFirstValue(ClaimTypes.MobilePhone) ?? "" }
            : new OnlineApplicationForm { ApplicationKey = draft.Id, ContactMobile = draft.ContactMobile, Fields = draft.FormData };

        // 复制历史办件: start from what this applicant wrote in an earlier application for the same item.
        var earlier = await db.Set<Case>().AsNoTracking()
            .Where(c => c.ApplicantUserId == Me && c.BasicCode == code && c.Number != null && c.Id != form.ApplicationKey)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new { c.Number, c.FormData, c.ContactMobile })
            .FirstOrDefaultAsync(ct);
        if (copyFrom is not null && earlier?.Number == copyFrom && earlier.FormData.Count > 0)
        {
            form.Fields = new Dictionary<string, string>(earlier.FormData);
            form.ContactMobile = earlier.ContactMobile;
        }

        ViewData["CopyFrom"] = earlier is { FormData.Count: > 0 } ? earlier.Number : null;
        return await Page(item, form, ct);
    }

    [HttpPost("{code}")]
    [RequestSizeLimit(MaxPostBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxPostBytes)]
    public async Task<IActionResult> Save(string code, OnlineApplicationForm form, string? action, CancellationToken ct)
    {
        var item = await catalog.FindPublishedAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        var submit = action == "submit";
        var uploads = Request.HasFormContentType ? MaterialFiles.Posted(Request.Form.Files) : [];
        var result = await apply.SaveAsync(item, form, uploads, Me, submit, ct);
        if (result.Case is { } saved && result.Errors.Count == 0)
        {
            if (saved.State == CaseState.Draft)
            {
                TempData["Flash"] = "Apply.DraftSaved";
                return Redirect($"/apply/{code}?key={saved.Id}");
            }

            TempData["Flash"] = "Apply.Submitted";
            return Redirect($"/my/cases/{saved.Number}");
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        return await Page(item, form, ct);
    }

    /// <summary>Room for one 10 MB scan per material of the longest list, and the form around them.</summary>
    private const long MaxPostBytes = 12 * 10 * 1024 * 1024 + 1024 * 1024;

    private async Task<IActionResult> Page(PublishedItem item, OnlineApplicationForm form, CancellationToken ct)
    {
        var uploaded = form.ApplicationKey == Guid.Empty || !await db.Set<Case>().AnyAsync(c => c.Id == form.ApplicationKey && c.ApplicantUserId == Me, ct)
            ? []
            : await files.CurrentAsync(form.ApplicationKey, ct);
        return View("Start", new ApplyPage(item, await catalog.FieldsAsync(item.VersionId, ct), await catalog.MaterialsAsync(item.VersionId, ct), form, uploaded));
    }
}
