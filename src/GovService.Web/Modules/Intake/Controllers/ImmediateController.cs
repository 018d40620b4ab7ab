using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Controllers;

/// <summary>
/// 即办件 are decided at the window the same day by the hall's chief representative (首席代表) within
/// delegated authority, and go straight to delivery at the window.
/// </summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = Roles.ChiefRepresentative)]
[Route("window/immediate")]
public sealed class ImmediateController(GovDbContext db, CaseClosure closure, IOrganizationDirectory organization, IEnumerable<Contracts.ICaseDecidedHandler> decidedHandlers, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<ImmediateController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var chief = await organization.HallStaffAsync(User, ct);
        if (chief is null)
        {
            return Forbid();
        }

        ViewData["Hall"] = chief.HallName;
        return View(await Waiting(chief).OrderBy(c => c.AcceptedAt).ToListAsync(ct));
    }

    [HttpPost("{id:guid}/decide")]
    public async Task<IActionResult> Decide(Guid id, [MaxLength(50)] string? decision, [MaxLength(1000)] string? opinion, CancellationToken ct)
    {
        var chief = await organization.HallStaffAsync(User, ct);
        var found = chief is null ? null : await Waiting(chief, tracked: true).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return NotFound();
        }

        if (decision is not ("approve" or "deny"))
        {
            return BadRequest();
        }

        if (!ModelState.IsValid)
        {
            TempData["Errors"] = l["Common.TooLong", 1000].Value; // the opinion's [MaxLength]
            return RedirectToAction(nameof(Index));
        }

        if (decision == "deny" && string.IsNullOrWhiteSpace(opinion))
        {
            TempData["Errors"] = l["Immediate.DenyNeedsOpinion"].Value;
            return RedirectToAction(nameof(Index));
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        found.DecidedAt = now;
        found.DecidedByStaffId = chief!.StaffId;
        found.DecisionOpinion = (opinion ?? "").Trim();
        if (decision == "approve")
        {
            found.MoveTo(CaseState.Approved, now);
            db.Add(CaseStep.By(found, StepActions.Approved, chief, now, found.DecisionOpinion));
            found.MoveTo(CaseState.AwaitingDelivery, now);
        }
        else
        {
            await closure.CloseAsync(found, CaseState.Denied, now, found.DecisionOpinion, c => CaseStep.By(c, StepActions.Denied, chief, now, c.DecisionOpinion), ct);
        }

        await CaseDecisions.AnnounceAsync(found, decision == "approve", decidedHandlers, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Immediate case {CaseNumber} decided ({Decision}) by chief representative {StaffId}", found.Number, decision, chief.StaffId);
        TempData["Flash"] = decision == "approve" ? "Immediate.Approved" : "Immediate.Denied";
        return RedirectToAction(nameof(Index));
    }

    private IQueryable<Case> Waiting(StaffPlacement chief, bool tracked = false) =>
        (tracked ? db.Set<Case>() : db.Set<Case>().AsNoTracking())
            .Where(c => c.HallId == chief.HallId && c.CaseKind == 1 && c.State == CaseState.Accepted);

}
