using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Intake.Custody;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GovService.Web.Modules.Intake.Controllers;

/// <summary>
/// 原件流转 and 就近领取 (收受分离): the receiving window sends the paper originals to the deciding department, which
/// signs for and files them; a result collected elsewhere goes from the receiving window to the village station, whose
/// agent signs for it and hands it over. Every place sees what it must send, sign for, file or hand over, with the clock.
/// </summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = $"{Roles.Clerk},{Roles.ChiefRepresentative},{Roles.Reviewer},{Roles.Agent}")]
[Route("custody")]
public sealed class CustodyController(CustodyQueries queries, MoveCustody move, HandOverAtStation handOver) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        await queries.PlaceOfAsync(User, ct) is { } place ? View(await queries.PageAsync(place, ct)) : Forbid();

    [HttpPost("{id:guid}/send")]
    public Task<IActionResult> Send(Guid id, ParcelCarrier? carrier, [MaxLength(MoveCustody.TrackingMax)] string? tracking, CancellationToken ct) =>
        MoveAsync(new CustodyMoveRequest(id, CustodyAction.Send, carrier, ModelState.GetFieldValidationState(nameof(tracking)) == ModelValidationState.Invalid ? new string('x', MoveCustody.TrackingMax + 1) : tracking), ct);

    [HttpPost("{id:guid}/receive")]
    public Task<IActionResult> Receive(Guid id, CancellationToken ct) => MoveAsync(new CustodyMoveRequest(id, CustodyAction.Receive, null, null), ct);

    [HttpPost("{id:guid}/archive")]
    public Task<IActionResult> Archive(Guid id, CancellationToken ct) => MoveAsync(new CustodyMoveRequest(id, CustodyAction.Archive, null, null), ct);

    /// <summary>就近领取: the result handed over at the place it was sent to (the applicant, someone they authorised, or the agent under mandate).</summary>
    [HttpPost("{id:guid}/hand-over")]
    public async Task<IActionResult> HandOver(Guid id, [MaxLength(50)] string? recipient, [MaxLength(20)] string? recipientId, bool authorised, bool byAgent, CancellationToken ct)
    {
        if (await queries.PlaceOfAsync(User, ct) is not { } place)
        {
            return NotFound();
        }

        var tooLong = ModelState.GetFieldValidationState(nameof(recipient)) == ModelValidationState.Invalid || ModelState.GetFieldValidationState(nameof(recipientId)) == ModelValidationState.Invalid;
        var outcome = await handOver.HandleAsync(id, recipient, recipientId, authorised, byAgent, tooLong, place, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        return await AfterAsync(place, outcome.Error, "", "Delivery.Done", id, ct);
    }

    private async Task<IActionResult> MoveAsync(CustodyMoveRequest request, CancellationToken ct)
    {
        if (await queries.PlaceOfAsync(User, ct) is not { } place)
        {
            return NotFound();
        }

        var outcome = await move.HandleAsync(request, place, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.MovedByOthers)
        {
            TempData["FlashWarning"] = "Custody.AlreadyMoved";
            return Redirect("/custody");
        }

        return await AfterAsync(place, outcome.Error, outcome.Field, $"Custody.Done.{request.Action}", request.ParcelId, ct);
    }

    /// <summary>A refusal re-shows the desk with the message beside the parcel's form (400); success goes back to it with a message.</summary>
    private async Task<IActionResult> AfterAsync(CustodyPlace place, string? error, string field, string flash, Guid parcelId, CancellationToken ct)
    {
        if (error is not null)
        {
            ModelState.Clear();
            ModelState.AddModelError(field.Length > 0 ? $"{parcelId}.{field}" : string.Empty, error);
            ViewData["FailedParcel"] = parcelId;
            ViewData["FailedMessage"] = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await queries.PageAsync(place, ct));
        }

        TempData["Flash"] = flash;
        return Redirect("/custody");
    }
}
