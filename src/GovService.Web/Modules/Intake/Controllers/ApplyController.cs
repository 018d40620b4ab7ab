using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.OnlineApplication;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Controllers;

/// <summary>The application form: its shape, what was typed, and the current upload of each slot.</summary>
public sealed record ApplyPage(ApplicationShape Shape, OnlineApplicationForm Form, IReadOnlyDictionary<int, CaseFileInfo> Uploaded)
{
    /// <summary>The applicant's valid licences (免提交: offered for the materials they can stand for).</summary>
    public IReadOnlyList<Contracts.LicenceSummary> Wallet { get; init; } = [];
}

/// <summary>
/// 网上申请: a citizen fills in an item's form online (or one form for a 一件事 bundle), uploads a scan per
/// material, saves it as a draft or submits it.
/// </summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = $"{Roles.Citizen},{Roles.Agent}")]
[Route("apply")]
public sealed class ApplyController(GovDbContext db, ICatalogDirectory catalog, ApplyOnline apply, MaterialFiles files, Contracts.ILicenceDirectory licences) : Controller
{
    /// <summary>Room for one 10 MB scan per material of the longest form, and the fields around them.</summary>
    private const long MaxPostBytes = 16 * 10 * 1024 * 1024 + 1024 * 1024;

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>代办员 apply on someone's behalf; a citizen applies for themselves.</summary>
    private bool AsAgent => User.IsInRole(Roles.Agent) && !User.IsInRole(Roles.Citizen);

    /// <summary>The drafts and cases this user may continue: their own, or for an agent the ones they filed.</summary>
    private IQueryable<Case> Mine(IQueryable<Case> cases) => cases.Where(Case.FiledBy(Me, AsAgent));

    /// <summary>An earlier case of the same item to copy from.</summary>
    private sealed record Earlier(string? Number, Dictionary<string, string> FormData, string ContactMobile);

    /// <summary>
    /// The latest earlier application of an item by this user (compiled once per kind of user: every form page
    /// asks), with <see cref="Case.FiledBy"/>'s rule inlined where <see cref="FiledBy"/> stands.
    /// </summary>
    private static Func<GovDbContext, Guid, string, Guid, CancellationToken, Task<Earlier?>> EarlierOf(bool asAgent) =>
        EF.CompileAsyncQuery(Expressions.Inline<Expression<Func<GovDbContext, Guid, string, Guid, CancellationToken, Earlier?>>>(
            (db, me, code, key, _) =>
                db.Set<Case>().AsNoTracking()
                    .Where(c => FiledBy(c, me) && c.BasicCode == code && c.Number != null && c.Id != key)
                    .OrderByDescending(c => c.CreatedAt)
                    .Select(c => new Earlier(c.Number, c.FormData, c.ContactMobile))
                    .FirstOrDefault(),
            nameof(FiledBy), Case.FiledByUser(asAgent)));

    private static readonly Func<GovDbContext, Guid, string, Guid, CancellationToken, Task<Earlier?>> EarlierOfCitizen = EarlierOf(asAgent: false);
    private static readonly Func<GovDbContext, Guid, string, Guid, CancellationToken, Task<Earlier?>> EarlierOfAgent = EarlierOf(asAgent: true);

    /// <summary>Stands for <see cref="Case.FiledByUser"/> in <see cref="EarlierOf"/>'s query, replaced before it is compiled.</summary>
    private static bool FiledBy(Case c, Guid user) => throw new UnreachableException();

    /// <summary>
    /// One database connection for the whole action: the form page and the submission send up to a dozen
    /// statements, and taking a pooled connection for each (and resetting it on return) cost both processes more
    /// than the statements themselves.
    /// </summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        await db.Database.OpenConnectionAsync(HttpContext.RequestAborted);
        try
        {
            await next();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Start(string code, Guid? key, [MaxLength(30)] string? copyFrom, CancellationToken ct)
    {
        var item = await catalog.FindPublishedAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        var draft = key is { } k ? await Mine(db.Set<Case>().AsNoTracking()).FirstOrDefaultAsync(c => c.Id == k && c.BasicCode == code && c.State == CaseState.Draft && c.BundleKey == null, ct) : null;
        var form = draft is null
            ? new OnlineApplicationForm { ApplicationKey = Guid.CreateVersion7(), ContactMobile = AsAgent ? "" : User.FindFirstValue(ClaimTypes.MobilePhone) ?? "" }
            : new OnlineApplicationForm { ApplicationKey = draft.Id, ContactMobile = draft.ContactMobile, Fields = draft.FormData, ApplicantName = draft.ApplicantName, ApplicantIdNumber = draft.ApplicantIdNumber };

        // 复制历史办件: start from what this applicant wrote in an earlier application for the same item.
        var earlier = await (AsAgent ? EarlierOfAgent : EarlierOfCitizen)(db, Me, code, form.ApplicationKey, ct);
        if (copyFrom is not null && earlier?.Number == copyFrom && earlier.FormData.Count > 0)
        {
            form.Fields = new Dictionary<string, string>(earlier.FormData);
            form.ContactMobile = earlier.ContactMobile;
        }

        ViewData["CopyFrom"] = earlier is { FormData.Count: > 0 } ? earlier.Number : null;
        return await Page(await apply.ShapeAsync(item, ct), form, ct, fresh: draft is null);
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

        var drafts = key is { } k
            ? await Mine(db.Set<Case>().AsNoTracking()).Where(c => c.BundleKey == k && c.BundleCode == code && c.State == CaseState.Draft).ToListAsync(ct)
            : [];
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
        if (!ModelState.IsValid)
        {
            // Over its bounds (or not even readable): nothing is kept, the typed answers come back beside the messages.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Page(shape, form, ct);
        }

        var uploads = Request.HasFormContentType ? MaterialFiles.Posted(Request.Form.Files) : [];
        var result = await apply.SaveAsync(shape, form, uploads, Me, action == "submit", ct, AsAgent);
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
    private async Task<IActionResult> Page(ApplicationShape shape, OnlineApplicationForm form, CancellationToken ct, bool fresh = false)
    {
        var uploaded = new Dictionary<int, CaseFileInfo>();
        if (form.ApplicationKey != Guid.Empty && !fresh)
        {
            var keys = shape.Items.Select((_, i) => shape.CaseKey(form.ApplicationKey, i)).ToList();
            var mine = await Mine(db.Set<Case>()).Where(c => keys.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            var current = new Dictionary<Guid, List<CaseFileInfo>>();
            foreach (var id in mine)
            {
                current[id] = await files.CurrentAsync(id, ct);
            }

            if (AsAgent && mine.Count > 0 && current[mine[0]].FirstOrDefault(f => f.Position == ApplyOnline.AuthorisationSlot) is { } authorisation)
            {
                uploaded[ApplyOnline.AuthorisationSlot] = authorisation;
            }

            foreach (var slot in shape.Slots)
            {
                var (item, position) = slot.Targets[0];
                if (current.TryGetValue(keys[item], out var list) && list.FirstOrDefault(f => f.Position == position) is { } file)
                {
                    uploaded[slot.Number] = file;
                }
            }
        }

        // The licence chosen before (a draft) stays chosen.
        if (form.ApplicationKey != Guid.Empty && !fresh && form.Licences.Count == 0)
        {
            var first = shape.CaseKey(form.ApplicationKey, 0);
            var refs = await db.Set<CaseLicenceRef>().AsNoTracking().Where(r => r.CaseId == first).ToListAsync(ct);
            foreach (var slot in shape.Slots)
            {
                if (refs.FirstOrDefault(r => slot.Targets.Any(t => t.Item == 0 && t.Position == r.Position)) is { } chosen)
                {
                    form.Licences[slot.Number] = chosen.LicenceId;
                }
            }
        }

        ViewData["AsAgent"] = AsAgent;
        return View("Start", new ApplyPage(shape, form, uploaded) { Wallet = AsAgent ? [] : await licences.ValidForHolderAsync(Me, ct) });
    }
}
