using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Modules.Approval.ChiefDecision;
using GovService.Web.Modules.Approval.Review;
using GovService.Web.Modules.Approval.Steps;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Approval.Controllers;

/// <summary>
/// The chief representative's back-office desk (首席代表): grants or refuses the extensions reviewers ask for on
/// the hall's cases, and decides the steps a template lets the chief decide (授权审批).
/// </summary>
[Area(ApprovalModule.Name)]
[Authorize(Roles = Roles.ChiefRepresentative)]
[Route("window/extensions")]
public sealed class ExtensionsController(ChiefDeskQueries desks, DecideExtension decideExtension, DecideAsChief decideAsChief, IOrganizationDirectory organization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var chief = await ChiefAsync(ct);
        if (chief is null)
        {
            return Forbid();
        }

        return View(await desks.DeskAsync(chief, ct));
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

        var result = await decideExtension.RunAsync(id, chief, decision == "grant", ct);
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
        var task = chief is null ? null : await desks.DecidableAsync(taskId, chief, ct);
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

        TempData["Flash"] = await decideAsChief.RunAsync(task, chief, decision == "approve", opinion ?? "", legalBasis ?? "", ct) switch
        {
            ChiefDecisionOutcome.Taken => "Review.Taken",
            ChiefDecisionOutcome.Refused => "Chief.DecisionRefused",
            _ => "Review.Done",
        };
        return Redirect("/window/extensions");
    }

    private async Task<StaffPlacement?> ChiefAsync(CancellationToken ct)
    {
        var placement = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var me) ? await organization.FindStaffAsync(me, ct) : null;
        return placement?.HallId is null ? null : placement;
    }
}
