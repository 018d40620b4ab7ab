using System.Security.Claims;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Decisions;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.MyCases;
using GovService.Web.Modules.Intake.Supplying;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>委托代办: what the agent did on the case, under which mandate.</summary>
    public IReadOnlyList<Contracts.AgentActOnCase> AgentActs { get; init; } = [];

    /// <summary>准予 / 不予行政许可决定书, once the case is decided.</summary>
    public bool HasDecisionNotice => Case.HasWrittenDecision;

    /// <summary>The application's form as filed, with the catalog's labels.</summary>
    public IReadOnlyList<Catalog.Contracts.FieldAnswer> Answers { get; init; } = [];

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
public sealed class MyCasesController(MyCaseQueries queries, SupplyMaterials supply, WithdrawCase withdraw, DecisionDocuments decisions, ILogger<MyCasesController> logger) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.ListAsync(Me, ct));

    [HttpGet("{number}")]
    public async Task<IActionResult> Show(string number, CancellationToken ct)
    {
        var page = await queries.PageAsync(number, Me, ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>
    /// 补正 online: the applicant uploads what a one-time notice, a reviewer's 补正 or a 容缺 commitment asked for. When
    /// nothing is owed any more, the application goes back to pre-review, the case back to its reviewer, or the 容缺 case
    /// becomes a plain acceptance.
    /// </summary>
    [HttpPost("{number}/supplement")]
    [RequestSizeLimit(12 * 10 * 1024 * 1024 + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 12 * 10 * 1024 * 1024 + 1024 * 1024)]
    public async Task<IActionResult> Supplement(string number, CancellationToken ct)
    {
        var result = await supply.OnlineAsync(number, Me, MaterialFiles.Posted(Request.Form.Files), ct);
        if (!result.Found)
        {
            return NotFound();
        }

        if (result.NothingOwed)
        {
            TempData["Flash"] = "MyCases.NothingOwed";
            return Redirect($"/my/cases/{number}");
        }

        if (result.Errors.Count > 0)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }

            Response.StatusCode = result.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return View("Show", await queries.PageAsync(number, Me, ct));
        }

        TempData["Flash"] = result.Told;
        return Redirect($"/my/cases/{number}");
    }

    /// <summary>The notices of the case as printed at the window: 受理通知书, 补正告知书 or 不予受理通知书.</summary>
    [HttpGet("{number}/notices/{kind}")]
    public async Task<IActionResult> Notice(string number, string kind, CancellationToken ct)
    {
        var page = await queries.PageAsync(number, Me, ct);
        if (page is null)
        {
            return NotFound();
        }

        var mine = page.Case;
        var (view, action, available) = kind switch
        {
            "acceptance" => ("AcceptanceNotice", new[] { StepActions.Accepted, StepActions.AcceptedWithDeficiency }, page.HasAcceptanceNotice),
            "supplement" => ("SupplementNotice", [StepActions.SupplementRequested], page.HasSupplementNotice),
            "refusal" => ("RefusalNotice", [StepActions.NotAccepted], page.HasRefusalNotice),
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

    /// <summary>准予 / 不予行政许可决定书 of the applicant's decided case, printable.</summary>
    [HttpGet("{number}/notices/decision")]
    public async Task<IActionResult> Decision(string number, CancellationToken ct) =>
        await decisions.ForApplicantAsync(number, Me, ct) is { } decision
            ? View(DecisionDocuments.View, new DecisionPage(decision, $"/my/cases/{number}", "MyCases.Back", $"/my/cases/{number}/notices/decision/pdf"))
            : NotFound();

    /// <summary>The same decision as a PDF to download.</summary>
    [HttpGet("{number}/notices/decision/pdf")]
    public async Task<IActionResult> DecisionPdf(string number, CancellationToken ct) =>
        await decisions.ForApplicantAsync(number, Me, ct) is { } decision ? Decisions.DecisionPdf.Download(this, decision, logger) : NotFound();

    /// <summary>撤回: the applicant withdraws an application before it is decided.</summary>
    [HttpPost("{number}/withdraw")]
    public async Task<IActionResult> Withdraw(string number, CancellationToken ct)
    {
        switch (await withdraw.HandleAsync(number, Me, ct))
        {
            case WithdrawOutcome.NotFound:
                return NotFound();
            case WithdrawOutcome.NotAllowed:
                TempData["Flash"] = "MyCases.CannotWithdraw";
                break;
            default:
                TempData["Flash"] = "MyCases.Withdrawn";
                break;
        }

        return Redirect($"/my/cases/{number}");
    }
}
