using System.Security.Claims;
using GovService.Web.Modules.Appointments.Booking;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Appointments.Controllers;

/// <summary>The clerks' list of their own hall's bookings of a day (今日预约), per window category and time.</summary>
[Area(AppointmentsModule.Name)]
[Authorize(Roles = $"{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("window/appointments")]
public sealed class HallAppointmentsController(IOrganizationDirectory organization, AppointmentQueries queries, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(DateOnly? day, CancellationToken ct)
    {
        var me = await organization.FindStaffAsync(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), ct);
        if (me?.HallId is not { } hallId)
        {
            return Forbid();
        }

        return await queries.HallDayAsync(hallId, day ?? clock.Today(), ct) is { } page ? View(page) : NotFound();
    }
}
