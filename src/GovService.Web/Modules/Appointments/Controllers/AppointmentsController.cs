using System.Security.Claims;
using GovService.Web.Modules.Appointments.Booking;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Appointments.Controllers;

/// <summary>
/// 预约办理 and 我的预约: a signed-in citizen books a slot for an item or bundle, sees their bookings, cancels or changes
/// one. Someone else's booking answers 404.
/// </summary>
[Area(AppointmentsModule.Name)]
[Authorize(Roles = Roles.Citizen)]
public sealed class AppointmentsController(BookingPages pages, BookAppointment book, CancelAppointment cancel, AppointmentQueries queries) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("appointments/new")]
    public async Task<IActionResult> New(BookingForm form, CancellationToken ct)
    {
        ModelState.Clear(); // choosing a hall or a day is not a submission: nothing to complain about yet
        return await pages.NewAsync(form, ct) is { } page ? View("Book", page) : NotFound();
    }

    [HttpPost("appointments/new")]
    public async Task<IActionResult> Book(BookingForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await book.BookAsync(Me, form, ct);
            if (result.Appointment is { } made)
            {
                TempData["Flash"] = "Appointment.Booked";
                return Redirect($"/my/appointments/{made.Id}");
            }

            ModelState.AddErrors(result.Errors);
        }

        // An item code over its bound is a bad request (the filter's 400), not a missing item.
        return await pages.NewAsync(form, ct) is { } page ? View("Book", page) : ModelState.IsValid ? NotFound() : BadRequest();
    }

    [HttpGet("my/appointments")]
    public async Task<IActionResult> Mine(CancellationToken ct) => View(await queries.MineAsync(Me, ct));

    [HttpGet("my/appointments/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) => await queries.MineAsync(Me, id, ct) is { } row ? View(row) : NotFound();

    [HttpPost("my/appointments/{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, CancellationToken ct)
    {
        if (await queries.MineAsync(Me, id, ct) is null)
        {
            return NotFound();
        }

        TempData["Flash"] = await cancel.RunAsync(Me, id, ct) ? "Appointment.Cancelled" : "Appointment.NotChangeable";
        return Redirect("/my/appointments");
    }

    [HttpGet("my/appointments/{id:guid}/rebook")]
    public async Task<IActionResult> Rebook(Guid id, BookingForm form, CancellationToken ct)
    {
        ModelState.Clear();
        return await queries.MineAsync(Me, id, ct) is { } row ? View("Book", await pages.RebookAsync(row, form, ct)) : NotFound();
    }

    [HttpPost("my/appointments/{id:guid}/rebook")]
    public async Task<IActionResult> RebookPost(Guid id, BookingForm form, CancellationToken ct)
    {
        if (await queries.MineAsync(Me, id, ct) is not { } row)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await book.RebookAsync(Me, id, form, ct);
            if (result.Appointment is { } made)
            {
                TempData["Flash"] = "Appointment.Rebooked";
                return Redirect($"/my/appointments/{made.Id}");
            }

            ModelState.AddErrors(result.Errors);
        }

        return View("Book", await pages.RebookAsync(row, form, ct));
    }
}
