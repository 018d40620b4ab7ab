using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.OnlineApplication;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Intake.Controllers;

/// <summary>The application form: its shape, what was typed, and the current upload of each slot.</summary>
public sealed record ApplyPage(ApplicationShape Shape, OnlineApplicationForm Form, IReadOnlyDictionary<int, CaseFileInfo> Uploaded)
{
    /// <summary>The applicant's valid licences (免提交: offered for the materials they can stand for).</summary>
    public IReadOnlyList<Contracts.LicenceSummary> Wallet { get; init; } = [];

    /// <summary>变更 / 延续 / 补证 / 换证: by item (基本编码), the applicant's licences its application may replace, to choose one.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Contracts.ReplaceableLicence>> Replaceable { get; init; } = new Dictionary<string, IReadOnlyList<Contracts.ReplaceableLicence>>();

    /// <summary>An agent's: the applicants with a live mandate to them, to start a form for one.</summary>
    public IReadOnlyList<MandatedApplicant> Mandated { get; init; } = [];
}

/// <summary>
/// 网上申请: a citizen fills in an item's form online (or one form for a 一件事 bundle), uploads a scan per
/// material, saves it as a draft or submits it.
/// </summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = $"{Roles.Citizen},{Roles.Agent}")]
[Route("apply")]
[OneConnection] // the form page and the submission send up to a dozen statements
public sealed class ApplyController(ICatalogDirectory catalog, ApplyOnline apply, ApplicationQueries queries) : Controller
{
    /// <summary>Room for one 10 MB scan per material of the longest form, and the fields around them.</summary>
    private const long MaxPostBytes = 16 * 10 * 1024 * 1024 + 1024 * 1024;

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>代办员 apply on someone's behalf; a citizen applies for themselves.</summary>
    private bool AsAgent => User.IsInRole(Roles.Agent) && !User.IsInRole(Roles.Citizen);

    [HttpGet("{code}")]
    public async Task<IActionResult> Start(string code, Guid? key, [MaxLength(30)] string? copyFrom, Guid? mandate, CancellationToken ct)
    {
        var item = await catalog.FindPublishedAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        var draft = key is { } k ? await queries.DraftAsync(Me, AsAgent, k, code, ct) : null;
        var form = draft is null
            ? new OnlineApplicationForm { ApplicationKey = Guid.CreateVersion7(), ContactMobile = AsAgent ? "" : User.FindFirstValue(ClaimTypes.MobilePhone) ?? "" }
            : new OnlineApplicationForm { ApplicationKey = draft.Id, ContactMobile = draft.ContactMobile, Fields = draft.FormData, ApplicantName = draft.ApplicantName, ApplicantIdNumber = draft.ApplicantIdNumber };

        // 复制历史办件: start from what this applicant wrote in an earlier application for the same item.
        var earlier = await queries.EarlierAsync(Me, AsAgent, code, form.ApplicationKey, ct);
        if (copyFrom is not null && earlier?.Number == copyFrom && earlier.FormData.Count > 0)
        {
            form.Fields = new Dictionary<string, string>(earlier.FormData);
            form.ContactMobile = earlier.ContactMobile;
        }

        ViewData["CopyFrom"] = earlier is { FormData.Count: > 0 } ? earlier.Number : null;
        return await Page(await apply.ShapeAsync(item, ct), form, ct, fresh: draft is null, mandate);
    }

    [HttpPost("{code}")]
    [RequestSizeLimit(MaxPostBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxPostBytes)]
    public async Task<IActionResult> Save(string code, OnlineApplicationForm form, [MaxLength(50)] string? action, CancellationToken ct)
    {
        var item = await catalog.FindPublishedAsync(code, ct);
        return item is null ? NotFound() : await SaveAsync(await apply.ShapeAsync(item, ct), form, action, ct);
    }

    /// <summary>一件事: one form for every item of the bundle, each becoming its own case, linked to the others.</summary>
    [HttpGet("bundle/{code}")]
    public async Task<IActionResult> Bundle(string code, Guid? key, CancellationToken ct)
    {
        var shape = await BundleShapeAsync(code, ct);
        if (shape is null)
        {
            return NotFound();
        }

        var drafts = key is { } k ? await queries.BundleDraftsAsync(Me, AsAgent, k, code, ct) : [];
        var form = drafts.Count == 0
            ? new OnlineApplicationForm { ApplicationKey = Guid.CreateVersion7(), ContactMobile = AsAgent ? "" : User.FindFirstValue(ClaimTypes.MobilePhone) ?? "" }
            : new OnlineApplicationForm
            {
                ApplicationKey = key!.Value,
                ContactMobile = drafts[0].ContactMobile,
                ApplicantName = drafts[0].ApplicantName,
                ApplicantIdNumber = drafts[0].ApplicantIdNumber,
                Fields = drafts.SelectMany(d => d.FormData).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value),
            };
        return await Page(shape, form, ct, fresh: drafts.Count == 0);
    }

    [HttpPost("bundle/{code}")]
    [RequestSizeLimit(MaxPostBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxPostBytes)]
    public async Task<IActionResult> SaveBundle(string code, OnlineApplicationForm form, [MaxLength(50)] string? action, CancellationToken ct)
    {
        var shape = await BundleShapeAsync(code, ct);
        return shape is null ? NotFound() : await SaveAsync(shape, form, action, ct);
    }

    private async Task<ApplicationShape?> BundleShapeAsync(string code, CancellationToken ct) =>
        await catalog.FindBundleAsync(code, ct) is { } bundle ? await apply.ShapeAsync(bundle, ct) : null;

    private async Task<IActionResult> SaveAsync(ApplicationShape shape, OnlineApplicationForm form, string? action, CancellationToken ct)
    {
        if (Request.HasFormContentType)
        {
            FormAnswers.TakeMultipleChoices(shape.Fields, Request.Form, form.Fields);
        }

        if (!ModelState.IsValid)
        {
            // Over its bounds (or not even readable): nothing is kept, the typed answers come back beside the messages.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Page(shape, form, ct);
        }

        var uploads = Request.HasFormContentType ? MaterialFiles.Posted(Request.Form.Files) : [];
        var result = await apply.SaveAsync(shape, form, uploads, Me, action == "submit", ct, AsAgent);
        if (result.Forbidden)
        {
            // 委托代办: no live mandate of this applicant for this item — the form comes back as typed, with why.
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        if (result.Case is { } saved && result.Errors.Count == 0)
        {
            if (saved.State == CaseState.Draft)
            {
                TempData["Flash"] = "Apply.DraftSaved";
                return Redirect($"{shape.PostUrl}?key={form.ApplicationKey}");
            }

            TempData["Flash"] = "Apply.Submitted";
            return Redirect(result.Cases.Count == 1 ? $"/my/cases/{saved.Number}" : "/my/cases");
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        return await Page(shape, form, ct);
    }

    /// <param name="fresh">The form has a new application key: nothing can have been uploaded or chosen for it yet.</param>
    private async Task<IActionResult> Page(ApplicationShape shape, OnlineApplicationForm form, CancellationToken ct, bool fresh = false, Guid? mandate = null)
    {
        var page = await queries.PageAsync(shape, form, Me, AsAgent, fresh, ct, mandate);
        ViewData["AsAgent"] = AsAgent;
        return View("Start", page);
    }
}
