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

/// <summary>延长审批: the chief representative of the accepting hall grants or refuses the extensions reviewers ask for.</summary>
[Area(ApprovalModule.Name)]
[Authorize(Roles = Roles.ChiefRepresentative)]
[Route("window/extensions")]
public sealed class ExtensionsController(GovDbContext db, ReviewActions actions, IOrganizationDirectory organization) : Controller
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
        return View(requests);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Decide(Guid id, string? decision, CancellationToken ct)
    {
        var chief = await ChiefAsync(ct);
        if (chief is null)
        {
            return NotFound();
        }

        var result = await actions.DecideExtensionAsync(id, chief, decision == "grant", ct);
        if (!result.Done)
        {
            return NotFound();
        }

        TempData["Flash"] = decision == "grant" ? "Review.ExtensionGranted" : "Review.ExtensionRefused";
        return Redirect("/window/extensions");
    }

    private async Task<StaffPlacement?> ChiefAsync(CancellationToken ct)
    {
        var placement = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var me) ? await organization.FindStaffAsync(me, ct) : null;
        return placement?.HallId is null ? null : placement;
    }
}
