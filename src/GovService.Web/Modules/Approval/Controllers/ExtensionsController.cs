using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Approval.Review;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Approval.Controllers;

public sealed record ExtensionRequest(ClockSegmentRecord Segment, ReviewTask Task);

public sealed record ChiefDesk(IReadOnlyList<ExtensionRequest> Extensions, IReadOnlyList<ReviewTask> Decisions);

/// <summary>
/// The chief representative's back-office desk (首席代表): grants or refuses the extensions reviewers ask for on
/// the hall's cases, and decides the steps a template lets the chief decide (授权审批).
/// </summary>
[Area(ApprovalModule.Name)]
[Authorize(Roles = Roles.ChiefRepresentative)]
[Route("window/extensions")]
public sealed class ExtensionsController(GovDbContext db, ReviewActions actions, DepartmentQueues queues, IOrganizationDirectory organization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var chief = await ChiefAsync(ct);
        if (chief is null)
        {
            return Forbid();
        }

        var requests = await (from s in db.Set<ClockSegmentRecord>().AsNoTracking()
                              join t in db.Set<ReviewTask>().AsNoTracking() on s.TaskId equals t.Id
                              where s.State == SegmentState.Requested && t.HallId == chief.HallId
                              orderby s.CreatedAt
                              select new ExtensionRequest(s, t)).ToListAsync(ct);
        var decisions = await db.Set<ReviewTask>().AsNoTracking()
            .Where(t => t.HallId == chief.HallId && t.State == TaskState.Open && t.Decides && t.ChiefMayDecide)
            .OrderBy(t => t.DueOn).ToListAsync(ct);
        return View(new ChiefDesk(requests, decisions));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Decide(Guid id, [MaxLength(50)] string? decision, CancellationToken ct)
    {
        var chief = await ChiefAsync(ct);
        if (chief is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BadRequest(); // a decision over its bound is neither a grant nor a refusal
        }

        var result = await actions.DecideExtensionAsync(id, chief, decision == "grant", ct);
        if (!result.Done)
        {
            return NotFound();
        }

        TempData["Flash"] = decision == "grant" ? "Review.ExtensionGranted" : "Review.ExtensionRefused";
        return Redirect("/window/extensions");
    }

    /// <summary>授权审批: the chief decides a step the template lets the chief decide, for the department, on a case of the hall.</summary>
    [HttpPost("decide/{taskId:guid}")]
    public async Task<IActionResult> DecideStep(Guid taskId, [MaxLength(50)] string? decision, [MaxLength(ActionFormValidator.OpinionMax)] string? opinion, [MaxLength(ActionFormValidator.LegalBasisMax)] string? legalBasis, CancellationToken ct)
    {
        var chief = await ChiefAsync(ct);
        var task = chief is null ? null : await db.Set<ReviewTask>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == taskId && t.HallId == chief.HallId && t.State == TaskState.Open && t.Decides && t.ChiefMayDecide, ct);
        if (chief is null || task is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // An opinion or basis over its bound ([MaxLength] above) is refused before the step is claimed.
            TempData["Flash"] = "Chief.DecisionRefused";
            return Redirect("/window/extensions");
        }

        // The chief acts for the department: the step is claimed like any other, so a reviewer holding it wins.
        var acting = chief with { DepartmentId = task.DepartmentId };
        if (task.ClaimedByStaffId != chief.StaffId && !await queues.ClaimAsync(taskId, acting, ct))
        {
            TempData["Flash"] = "Review.Taken";
            return Redirect("/window/extensions");
        }

        var held = await actions.HeldAsync(taskId, acting, ct);
        var result = held is null ? StepResult.Refused("") : await actions.DecideAsync(held, acting, decision == "approve", opinion ?? "", legalBasis ?? "", ct);
        if (!result.Done)
        {
            await queues.ReleaseAsync(taskId, acting, ct);
            TempData["Flash"] = "Chief.DecisionRefused";
            return Redirect("/window/extensions");
        }

        TempData["Flash"] = "Review.Done";
        return Redirect("/window/extensions");
    }

    private async Task<StaffPlacement?> ChiefAsync(CancellationToken ct)
    {
        var placement = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var me) ? await organization.FindStaffAsync(me, ct) : null;
        return placement?.HallId is null ? null : placement;
    }
}
