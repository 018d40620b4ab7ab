using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Delivery;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GovService.Web.Modules.Intake.Controllers;

public sealed record DeliveryRow(Case Case, IReadOnlyList<LicenceSummary> Licences, DateOnly DueOn, bool Overdue);

public sealed record DeliveryPage(IReadOnlyList<DeliveryRow> Rows, string Hall);

/// <summary>
/// 统一窗口出件: results wait at the hall that accepted the case, also when a county department decided it.
/// The clerks hand them over (identity checked), send them by courier (carrier, tracking number, recipient),
/// or deliver them electronically into the holder's wallet; the 10-working-day delivery clock (行政许可法
/// art. 44) is shown and overdue results are flagged.
/// </summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = $"{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("window/delivery")]
public sealed class DeliveryController(IOrganizationDirectory organization, DeliveryQueries queries, DeliverResult deliver) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        return clerk is null ? Forbid() : View(await queries.PageAsync(clerk, ct));
    }

    /// <summary>The form's texts, each with its [MaxLength] below.</summary>
    private static readonly string[] TextFields = ["recipient", "recipientId", "courier", "tracking", "address"];

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Deliver(Guid id, DeliveryMethod method, [MaxLength(50)] string? recipient, [MaxLength(20)] string? recipientId, bool authorised, [MaxLength(50)] string? courier, [MaxLength(40)] string? tracking, [MaxLength(200)] string? address, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        if (clerk is null)
        {
            return NotFound();
        }

        var tooLong = TextFields.Any(k => ModelState.GetFieldValidationState(k) == ModelValidationState.Invalid);
        var outcome = await deliver.HandleAsync(new DeliveryRequest(id, method, recipient, recipientId, authorised, courier, tracking, address, tooLong), clerk, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await queries.PageAsync(clerk, ct));
        }

        TempData["Flash"] = "Delivery.Done";
        return Redirect("/window/delivery");
    }
}
