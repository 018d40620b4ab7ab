using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FluentValidation;
using GovService.Web.Infrastructure.Validation;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Review;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Modules.Approval.Steps;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Approval.Controllers;

public sealed record TaskPage(
    ReviewTask Task,
    CaseSummary Case,
    IReadOnlyList<CaseMaterialInfo> Materials,
    ClockView? Clock,
    IReadOnlyList<ReviewTask> Steps,
    IReadOnlyList<TaskAction> History,
    IReadOnlyList<DepartmentInfo> Departments,
    StaffPlacement Reviewer)
{
    public bool HeldByMe => Task.State == TaskState.Open && Task.ClaimedByStaffId == Reviewer.StaffId;

    public bool Paused => Case.State is CaseState.SupplementRequested or CaseState.SpecialProcedure;

    public IReadOnlyList<int> EarlierStages => Steps.Where(s => s.Stage < Task.Stage).Select(s => s.Stage).Distinct().Order().ToList();

    public string DepartmentName(Guid id) => Departments.FirstOrDefault(d => d.Id == id)?.Name ?? "";

    /// <summary>Supplement requests the case has had: from the second on, a 补正 needs a supervisor's approval.</summary>
    public int SupplementsAsked { get; init; }

    /// <summary>The application's form with the catalog's labels.</summary>
    public IReadOnlyList<Catalog.Contracts.FieldAnswer> Answers { get; init; } = [];

    /// <summary>二次补正 requests of the case, newest first.</summary>
    public IReadOnlyList<SecondSupplementRequest> SecondSupplements { get; init; } = [];

    public SecondSupplementRequest? PendingSecondSupplement => SecondSupplements.FirstOrDefault(r => r.State == SecondSupplementState.Pending);
}

/// <summary>
/// 审批队列: a reviewer works their department's steps — and only those: another department's step answers
/// 404 on every route, exactly like one that does not exist.
/// </summary>
[Area(ApprovalModule.Name)]
[Authorize(Roles = Roles.Reviewer)]
[Route("review")]
public sealed class ReviewController(
    DepartmentQueues queues,
    TaskPages pages,
    ClaimStep claim,
    ReleaseClaim release,
    PassStep pass,
    ReturnStep returnStep,
    RequestSupplement supplement,
    StartSpecialProcedure startSpecial,
    EndSpecialProcedure endSpecial,
    RequestExtension extension,
    TransferStep transfer,
    DecideStep decide,
    IOrganizationDirectory organization,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([MaxLength(200)] string? q, bool mine, bool overdue, int page, CancellationToken ct)
    {
        var reviewer = await ReviewerAsync(ct);
        return reviewer is null ? Forbid() : View(await queues.ListAsync(reviewer, new QueueFilter(q, mine, overdue, Math.Max(1, page)), ct));
    }

    [HttpPost("tasks/{id:guid}/claim")]
    public async Task<IActionResult> Claim(Guid id, CancellationToken ct)
    {
        var reviewer = await ReviewerAsync(ct);
        if (reviewer is null || !await InMyDepartmentAsync(id, reviewer, ct))
        {
            return NotFound();
        }

        if (!await claim.RunAsync(id, reviewer, ct))
        {
            TempData["Flash"] = "Review.Taken";
            return Redirect("/review");
        }

        return Redirect($"/review/tasks/{id}");
    }

    [HttpPost("tasks/{id:guid}/release")]
    public async Task<IActionResult> Release(Guid id, CancellationToken ct)
    {
        var reviewer = await ReviewerAsync(ct);
        if (reviewer is null || !await InMyDepartmentAsync(id, reviewer, ct))
        {
            return NotFound();
        }

        await release.RunAsync(id, reviewer, ct);
        TempData["Flash"] = "Review.Released";
        return Redirect("/review");
    }

    [HttpGet("tasks/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var reviewer = await ReviewerAsync(ct);
        var page = reviewer is null ? null : await PageAsync(id, reviewer, ct);
        return page is null ? NotFound() : View("Task", page);
    }

    /// <summary>One action on a claimed step; refused actions come back with the reason and change nothing.</summary>
    [HttpPost("tasks/{id:guid}/{verb:regex(^(pass|return|supplement|special|special-end|extension|transfer|decide)$)}")]
    public async Task<IActionResult> Act(Guid id, string verb, [FromForm] ActionForm form, CancellationToken ct)
    {
        var reviewer = await ReviewerAsync(ct);
        if (reviewer is null || !await InMyDepartmentAsync(id, reviewer, ct))
        {
            return NotFound();
        }

        // Each use case refuses a step the reviewer does not hold (Review.ClaimFirst) before anything else.
        var result = !ModelState.IsValid ? StepResult.Refused(l["Common.CheckFields"]) : verb switch
        {
            "pass" => await pass.RunAsync(id, reviewer, form.Opinion, ct),
            "return" => await returnStep.RunAsync(id, reviewer, form.ToStage, form.Opinion, ct),
            "supplement" => await supplement.RunAsync(id, reviewer, Me, form.Defects.Where(d => !string.IsNullOrWhiteSpace(d.Value)).Select(d => (d.Key, d.Value.Trim())).ToList(), form.Opinion, ct),
            "special" => await startSpecial.RunAsync(id, reviewer, form.ProcedureType, form.Opinion, form.Days, ct),
            "special-end" => await endSpecial.RunAsync(id, reviewer, form.Opinion, ct),
            "extension" => await extension.RunAsync(id, reviewer, form.Days, form.Opinion, ct),
            "transfer" => await transfer.RunAsync(id, reviewer, form.DepartmentId, form.Opinion, ct),
            _ => await decide.RunAsync(id, reviewer, form.Decision == "approve", form.Opinion, form.LegalBasis, ct),
        };
        if (!result.Done)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var page = await PageAsync(id, reviewer, ct);
            return page is null ? NotFound() : View("Task", page);
        }

        TempData["Flash"] = result.Waits ? "Review.SecondSupplementSent" : "Review.Done";
        return verb is "pass" or "return" or "transfer" or "decide" ? Redirect("/review") : Redirect($"/review/tasks/{id}");
    }

    private Task<TaskPage?> PageAsync(Guid id, StaffPlacement reviewer, CancellationToken ct) => pages.FindAsync(id, reviewer, ct);

    private Task<bool> InMyDepartmentAsync(Guid id, StaffPlacement reviewer, CancellationToken ct) => pages.InDepartmentAsync(id, reviewer, ct);

    private Guid Me => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var me) ? me : Guid.Empty;

    private async Task<StaffPlacement?> ReviewerAsync(CancellationToken ct)
    {
        var placement = Me != Guid.Empty ? await organization.FindStaffAsync(Me, ct) : null;
        return placement?.DepartmentId is null ? null : placement;
    }
}

/// <summary>The fields of every action form (each form posts the ones it has).</summary>
public sealed class ActionForm
{
    public string Opinion { get; set; } = "";
    public int ToStage { get; set; }
    public Dictionary<int, string> Defects { get; set; } = [];
    public string ProcedureType { get; set; } = "";
    public int Days { get; set; }
    public Guid DepartmentId { get; set; }
    public string Decision { get; set; } = "";
    public string LegalBasis { get; set; } = "";
}

/// <summary>
/// The bounds of the action forms. An opinion is kept on the applicant's timeline in a 1000-character note, after the
/// step's or the department's name (at most 100) or followed by the legal basis, so it has 800 and the basis 190; the
/// 补正 defects are kept joined, with the materials' names, in a note of the same size.
/// </summary>
internal sealed class ActionFormValidator : AbstractValidator<ActionForm>
{
    public const int OpinionMax = 800;
    public const int LegalBasisMax = 190;
    public const int DefectsMax = 500;

    public ActionFormValidator(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Opinion).MaximumLength(OpinionMax).WithMessage(l["Common.TooLong", OpinionMax]);
        RuleFor(f => f.LegalBasis).MaximumLength(LegalBasisMax).WithMessage(l["Common.TooLong", LegalBasisMax]);
        RuleFor(f => f.ProcedureType).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        RuleFor(f => f.Decision).MaximumLength(Bounds.Choice).WithMessage(l["Common.TooLong", Bounds.Choice]);
        RuleFor(f => f.Defects).Bounded(DefectsMax, DefectsMax, l);
    }
}
