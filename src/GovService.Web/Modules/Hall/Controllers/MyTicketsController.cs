using System.Security.Claims;
using GovService.Web.Modules.Hall.Issuing;
using GovService.Web.Modules.Hall.Queries;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Hall.Controllers;

/// <summary>
/// 到达签到取号 from the phone: the citizen checks in today's booking from My appointments (the Appointments module's
/// page posts here) and sees the ticket it became — number, people ahead, estimated wait. Someone else's: 404.
/// </summary>
[Area(HallModule.Name)]
[Authorize(Roles = Roles.Citizen)]
public sealed class MyTicketsController(QueueQueries queue) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpPost("my/appointments/{id:guid}/check-in")]
    public async Task<IActionResult> CheckIn(Guid id, [FromServices] CheckInAppointment checkIn, CancellationToken ct)
    {
        var result = await checkIn.RemoteAsync(Me, id, ct);
        if (result.Refusal == Appointments.Contracts.CheckInRefusal.UnknownCode)
        {
            return NotFound(); // no booking of this citizen
        }

        if (result.Ticket is null)
        {
            // The list shows from when a booking can be checked in; the warning says why this one was not.
            TempData["FlashWarning"] = result.Refusal == Appointments.Contracts.CheckInRefusal.None ? "Hall.CheckIn.Failed" : CheckInAppointment.RefusalKey(result.Refusal);
            return Redirect("/my/appointments");
        }

        return Redirect($"/my/appointments/{id}/ticket");
    }

    [HttpGet("my/appointments/{id:guid}/ticket")]
    public async Task<IActionResult> Ticket(Guid id, CancellationToken ct) =>
        await queue.OfAppointmentAsync(Me, id, ct) is { } slip ? View(slip) : NotFound();
}
