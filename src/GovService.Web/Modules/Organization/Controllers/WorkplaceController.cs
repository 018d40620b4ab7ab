using System.Security.Claims;
using GovService.Web.Modules.Organization.Workplace;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Organization.Controllers;

/// <summary>
/// A member of staff's own workplace: the hall, department or region their work is scoped to, with
/// its windows, sub-regions and colleagues. Queues, cards and dashboards join this page as their
/// modules arrive.
/// </summary>
[Area(OrganizationModule.Name)]
[Authorize(Roles = $"{Roles.Agent},{Roles.Clerk},{Roles.ChiefRepresentative},{Roles.Reviewer},{Roles.Supervisor}")]
[Route("workplace")]
public sealed class WorkplaceController(WorkplaceQuery workplace) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var page = await workplace.FindAsync(userId, ct);
        return page is null ? NotFound() : View(page);
    }
}
