using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.Immediate;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Controllers;

/// <summary>
/// 即办件 are decided at the window the same day by the hall's chief representative (首席代表) within
/// delegated authority, and go straight to delivery at the window.
/// </summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = Roles.ChiefRepresentative)]
[Route("window/immediate")]
public sealed class ImmediateController(IOrganizationDirectory organization, ImmediateQueries queries, DecideImmediately decide, IStringLocalizer<SharedResource> l) : Controller
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
        return View(await queries.WaitingAsync(chief, ct));
    }

    [HttpPost("{id:guid}/decide")]
    public async Task<IActionResult> Decide(Guid id, [MaxLength(50)] string? decision, [MaxLength(1000)] string? opinion, CancellationToken ct)
    {
        var chief = await organization.HallStaffAsync(User, ct);
        if (chief is null)
        {
            return NotFound();
        }

        switch (await decide.HandleAsync(new ImmediateDecision(id, decision, opinion, OpinionTooLong: !ModelState.IsValid), chief, ct))
        {
            case ImmediateOutcome.NotFound:
                return NotFound();
            case ImmediateOutcome.NotADecision:
                return BadRequest();
            case ImmediateOutcome.OpinionTooLong:
                TempData["Errors"] = l["Common.TooLong", 1000].Value; // the opinion's [MaxLength]
                break;
            case ImmediateOutcome.OpinionRequired:
                TempData["Errors"] = l["Immediate.DenyNeedsOpinion"].Value;
                break;
            case ImmediateOutcome.Approved:
                TempData["Flash"] = "Immediate.Approved";
                break;
            default:
                // The written decision is handed to the applicant at the window at once (当场送达).
                TempData["Flash"] = "Immediate.Denied";
                return Redirect($"/window/cases/{id}/decision");
        }

        return RedirectToAction(nameof(Index));
    }
}
