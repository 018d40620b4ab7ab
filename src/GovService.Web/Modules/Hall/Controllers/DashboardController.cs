using System.Security.Claims;
using GovService.Web.Modules.Hall.Dashboard;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Hall.Controllers;

/// <summary>
/// 大厅运行监测: the hall's chief representative sees their hall's queues, windows and appointments today and opens or
/// closes a temporary window in one click; a supervisor sees any hall of their region (read only).
/// </summary>
[Area(HallModule.Name)]
[Authorize(Roles = $"{Roles.ChiefRepresentative},{Roles.Supervisor}")]
[Route("hall/dashboard")]
public sealed class DashboardController(IOrganizationDirectory organization, HallDashboardQueries dashboard, TemporaryWindowActions temporary) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? hall, CancellationToken ct)
    {
        if (await StaffAsync(ct) is not { } staff)
        {
            return Forbid();
        }

        var halls = await HallsOfAsync(staff, ct);
        var hallId = hall ?? staff.HallId ?? (halls.Count > 0 ? halls[0].Id : null);
        return hallId is { } id && await dashboard.OfHallAsync(id, halls, ct) is { } page ? View(page) : NotFound();
    }

    [HttpPost("temporary-windows")]
    [Authorize(Roles = Roles.ChiefRepresentative)]
    public async Task<IActionResult> Open(WindowCategory? category, CancellationToken ct)
    {
        if (await StaffAsync(ct) is not { HallId: not null } chief)
        {
            return Forbid();
        }

        if (category is not { } what || !Enum.IsDefined(what))
        {
            return BadRequest();
        }

        var result = await temporary.OpenAsync(chief, what, ct);
        TempData["HallMessage"] = result.Error;
        TempData["HallOpened"] = result.Error is null ? result.Window?.Number.ToString() : null;
        return Redirect("/hall/dashboard");
    }

    [HttpPost("temporary-windows/{windowId:guid}/close")]
    [Authorize(Roles = Roles.ChiefRepresentative)]
    public async Task<IActionResult> Close(Guid windowId, CancellationToken ct)
    {
        if (await StaffAsync(ct) is not { HallId: not null } chief)
        {
            return Forbid();
        }

        var result = await temporary.CloseAsync(chief, windowId, ct);
        TempData["HallMessage"] = result.Error;
        return Redirect("/hall/dashboard");
    }

    /// <summary>A chief representative's own hall; a supervisor's halls of their region.</summary>
    private async Task<IReadOnlyList<HallInfo>> HallsOfAsync(StaffPlacement staff, CancellationToken ct)
    {
        var halls = await organization.HallsAsync(ct);
        if (staff.HallId is { } own)
        {
            return [.. halls.Where(h => h.Id == own)];
        }

        var scope = staff.RegionId is { } region ? await organization.HallsInRegionAsync(region, ct) : [];
        return [.. halls.Where(h => scope.Contains(h.Id))];
    }

    private async Task<StaffPlacement?> StaffAsync(CancellationToken ct) =>
        Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? await organization.FindStaffAsync(userId, ct) : null;
}
