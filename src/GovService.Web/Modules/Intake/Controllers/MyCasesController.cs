using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Controllers;

public sealed record MyCasePage(
    Case Case,
    IReadOnlyList<CaseMaterial> Materials,
    IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<CaseFileInfo> Uploaded,
    WorkingDaySpan? PromisedSpan)
{
    /// <summary>The back office's explanation of the promised date once the case is routed (pauses, extensions).</summary>
    public Contracts.ClockExplanation? Clock { get; init; }

    public bool HasDecisionNotice => Case.State == CaseState.Denied;

    /// <summary>一件事: the other cases applied for with the same bundle form.</summary>
    public IReadOnlyList<Case> Linked { get; init; } = [];

    /// <summary>What the applicant still has to upload now (one-time notice or 容缺 commitment).</summary>
    public IReadOnlyList<CaseMaterial> Owed => Materials.Where(m => m.Owed(Case.State)).ToList();

    public bool HasAcceptanceNotice => Case.AcceptedAt is not null && Steps.Any(s => s.Action is StepActions.Accepted or StepActions.AcceptedWithDeficiency);

    public bool HasSupplementNotice => Case.AcceptedAt is null && Steps.Any(s => s.Action == StepActions.SupplementRequested);

    public bool HasRefusalNotice => Case.State == CaseState.NotAccepted;
}

/// <summary>
/// 我的办件: a citizen's own cases (and only those), whether applied online or at a window: the timeline
/// with every step's handler and office phone, the promised date and how it was computed, what to do now
/// (upload what a notice asked for) and the notices to download. Someone else's case answers 404.
/// </summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = $"{Roles.Citizen},{Roles.Agent}")]
[Route("my/cases")]
public sealed class MyCasesController(GovDbContext db, MaterialFiles files, CaseClosure closure, IEnumerable<Contracts.ICaseSupplementedHandler> supplementedHandlers, IEnumerable<Contracts.ICaseClockSource> clockSources, IWorkingCalendarProvider calendars, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<MyCasesController> logger) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.Set<Case>().AsNoTracking()
            .Where(c => c.ApplicantUserId == Me || c.AgentUserId == Me)
            .OrderByDescending(c => c.CreatedAt)
            .ToListAsync(ct));

    [HttpGet("{number}")]
    public async Task<IActionResult> Show(string number, CancellationToken ct)
    {
        var mine = await MineAsync(number, ct);
        return mine is null ? NotFound() : View(await PageAsync(mine, ct));
    }

    /// <summary>
    /// 补正 online: the applicant uploads what a one-time notice (or a 容缺 commitment) asked for. When nothing
    /// is owed any more, the application goes back to pre-review, or the 容缺 case becomes a plain acceptance.
    /// </summary>
    [HttpPost("{number}/supplement")]
    [RequestSizeLimit(12 * 10 * 1024 * 1024 + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 12 * 10 * 1024 * 1024 + 1024 * 1024)]
    public async Task<IActionResult> Supplement(string number, CancellationToken ct)
    {
        var mine = await MineAsync(number, ct, tracked: true);
        if (mine is null)
        {
            return NotFound();
        }

        var materials = await db.Set<CaseMaterial>().Where(m => m.CaseId == mine.Id).OrderBy(m => m.Position).ToListAsync(ct);
        var owed = materials.Where(m => m.Owed(mine.State)).ToList();
        if (owed.Count == 0)
        {
            TempData["Flash"] = "MyCases.NothingOwed";
            return Redirect($"/my/cases/{number}");
        }

        var errors = new List<(string Field, string Message)>();
        var uploads = await files.ReadAsync(owed.Select(m => (m.Position, m.Name)), MaterialFiles.Posted(Request.Form.Files), errors, ct);
        if (uploads.Count == 0 && errors.Count == 0)
        {
            errors.Add((string.Empty, l["MyCases.ChooseFiles"]));
        }

        var now = clock.GetUtcNow();
        await files.StoreAsync(mine, uploads, Me, now, ct);
        foreach (var supplied in owed.Where(m => uploads.Any(u => u.Position == m.Position)))
        {
            supplied.SuppliedAt = now;
            supplied.Received = true;
        }

        var who = mine.ApplicantName;
        if (uploads.Count > 0)
        {
            db.Add(CaseStep.ByApplicantOrSystem(mine, StepActions.Uploaded, who, now, string.Join("、", uploads.Select(u => u.MaterialName))));
        }

        if (owed.All(m => m.SuppliedAt is not null))
        {
            // Before acceptance: back to pre-review. After acceptance (补正 in review): back to review, the clock resumes.
            // A 容缺 case: a plain acceptance, in review when the back office has taken it up already.
            var next = mine.State == CaseState.SupplementRequested
                ? mine.AcceptedAt is null ? CaseState.Submitted : CaseState.InReview
                : mine.ReviewStartedAt is null ? CaseState.Accepted : CaseState.InReview;
            var resumed = mine.State == CaseState.SupplementRequested && mine.AcceptedAt is not null;
            mine.MoveTo(next, now);
            db.Add(CaseStep.ByApplicantOrSystem(mine, next == CaseState.Submitted ? StepActions.Resubmitted : resumed ? StepActions.SupplementedInReview : StepActions.DeficiencySupplied, who, now));
            if (resumed)
            {
                foreach (var handler in supplementedHandlers)
                {
                    await handler.OnSupplementedAsync(mine.Id, clock.Today(), ct);
                }
            }

            logger.LogInformation("Case {CaseNumber}: the applicant supplied every owed material online; now {State}", number, next);
        }

        await db.SaveChangesAsync(ct);
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field, message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(mine, ct));
        }

        TempData["Flash"] = mine.State is CaseState.Submitted or CaseState.Accepted or CaseState.InReview ? "MyCases.SupplementDone" : "MyCases.SupplementPartly";
        return Redirect($"/my/cases/{number}");
    }

    /// <summary>The notices of the case as printed at the window: 受理通知书, 补正告知书 or 不予受理通知书.</summary>
    [HttpGet("{number}/notices/{kind}")]
    public async Task<IActionResult> Notice(string number, string kind, CancellationToken ct)
    {
        var mine = await MineAsync(number, ct);
        if (mine is null)
        {
            return NotFound();
        }

        var page = await PageAsync(mine, ct);
        var (view, action, available) = kind switch
        {
            "acceptance" => ("AcceptanceNotice", new[] { StepActions.Accepted, StepActions.AcceptedWithDeficiency }, page.HasAcceptanceNotice),
            "supplement" => ("SupplementNotice", [StepActions.SupplementRequested], page.HasSupplementNotice),
            "refusal" => ("RefusalNotice", [StepActions.NotAccepted], page.HasRefusalNotice),
            "decision" => ("DecisionNotice", [StepActions.Denied], page.HasDecisionNotice),
            _ => ("", [], false),
        };
        var step = page.Steps.LastOrDefault(s => action.Contains(s.Action));
        if (!available || step is null)
        {
            return NotFound();
        }

        var handler = new StaffPlacement(step.StaffId ?? Guid.Empty, step.HandlerName, "", "", step.HandlerPhone, mine.HallId, step.HandlerOffice, null, null, null, null);
        return View($"~/Modules/Intake/Views/Window/{view}.cshtml", new AcceptanceNoticePage(mine, page.Materials, handler) { BackUrl = $"/my/cases/{number}" });
    }

    /// <summary>撤回: the applicant withdraws an application before it is decided.</summary>
    [HttpPost("{number}/withdraw")]
    public async Task<IActionResult> Withdraw(string number, CancellationToken ct)
    {
        var mine = await MineAsync(number, ct, tracked: true);
        if (mine is null)
        {
            return NotFound();
        }

        if (!mine.CanMoveTo(CaseState.Withdrawn))
        {
            TempData["Flash"] = "MyCases.CannotWithdraw";
            return Redirect($"/my/cases/{number}");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await closure.CloseAsync(mine, CaseState.Withdrawn, now, l["CaseClosed.Reason.Withdrawn"], c => CaseStep.ByApplicantOrSystem(c, StepActions.Withdrawn, c.ApplicantName, now), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Case {CaseNumber} withdrawn by its applicant", number);
        TempData["Flash"] = "MyCases.Withdrawn";
        return Redirect($"/my/cases/{number}");
    }

    /// <summary>The signed-in citizen's case (or one an agent filed) with this number; someone else's answers exactly like one that does not exist.</summary>
    private Task<Case?> MineAsync(string number, CancellationToken ct, bool tracked = false) =>
        (tracked ? db.Set<Case>() : db.Set<Case>().AsNoTracking()).FirstOrDefaultAsync(c => c.Number == number && (c.ApplicantUserId == Me || c.AgentUserId == Me), ct);

    private async Task<MyCasePage> PageAsync(Case mine, CancellationToken ct)
    {
        var materials = await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == mine.Id).OrderBy(m => m.Position).ToListAsync(ct);
        var steps = await db.Set<CaseStep>().AsNoTracking().Where(s => s.CaseId == mine.Id).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct);
        Contracts.ClockExplanation? explained = null;
        foreach (var source in clockSources)
        {
            explained ??= await source.PromisedAsync(mine.Id, ct);
        }

        WorkingDaySpan? span = explained?.Span;
        if (span is null && mine.AcceptedAt is { } accepted && mine.PromisedDueDate is { } due)
        {
            // How the promised date was reached: the working days from the day of acceptance, explained.
            var counted = (await calendars.GetAsync(ct)).CountWorkingDays(DateOnly.FromDateTime(accepted.ToChinaTime()), due);
            span = counted.End == due ? counted : null;
        }

        var linked = mine.BundleKey is { } bundle
            ? await db.Set<Case>().AsNoTracking().Where(c => c.BundleKey == bundle && c.Id != mine.Id && (c.ApplicantUserId == Me || c.AgentUserId == Me)).OrderBy(c => c.Number).ToListAsync(ct)
            : [];
        return new MyCasePage(mine, materials, steps, await files.CurrentAsync(mine.Id, ct), span) { Linked = linked, Clock = explained };
    }
}
