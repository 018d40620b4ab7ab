using System.ComponentModel.DataAnnotations;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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
public sealed class DeliveryController(GovDbContext db, CaseClosure closure, IOrganizationDirectory organization, ILicenceDirectory licences, IWorkingCalendarProvider calendars, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<DeliveryController> logger) : Controller
{
    public const int DeliveryWorkingDays = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        return clerk is null ? Forbid() : View(await PageAsync(clerk, ct));
    }

    /// <summary>The form's texts, each with its [MaxLength] below.</summary>
    private static readonly string[] TextFields = ["recipient", "recipientId", "courier", "tracking", "address"];

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Deliver(Guid id, DeliveryMethod method, [MaxLength(50)] string? recipient, [MaxLength(20)] string? recipientId, bool authorised, [MaxLength(50)] string? courier, [MaxLength(40)] string? tracking, [MaxLength(200)] string? address, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        var found = clerk is null ? null : await db.Set<Case>().FirstOrDefaultAsync(c => c.Id == id && c.HallId == clerk.HallId && c.State == CaseState.AwaitingDelivery, ct);
        if (found is null)
        {
            return NotFound();
        }

        // A recipient, courier, tracking number or address over its column's length ([MaxLength] above) is refused like a missing one.
        var tooLong = TextFields.Any(k => ModelState.GetFieldValidationState(k) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid);
        var error = tooLong ? l["Common.CheckFields"].Value : method switch
        {
            DeliveryMethod.Pickup when string.IsNullOrWhiteSpace(recipient) || !ChineseIdNumber.IsValid(recipientId, clock.Today()) => l["Delivery.PickupNeedsId"].Value,
            // Someone other than the applicant collects only with a checked authorisation (委托书).
            DeliveryMethod.Pickup when ChineseIdNumber.Normalize(recipientId!) != found.ApplicantIdNumber && !authorised => l["Delivery.NotTheApplicant"].Value,
            DeliveryMethod.Courier when string.IsNullOrWhiteSpace(courier) || string.IsNullOrWhiteSpace(tracking) || string.IsNullOrWhiteSpace(recipient) || string.IsNullOrWhiteSpace(address) => l["Delivery.CourierNeedsAll"].Value,
            DeliveryMethod.Electronic when found.ApplicantUserId is null => l["Delivery.NoWallet"].Value,
            DeliveryMethod.Pickup or DeliveryMethod.Courier or DeliveryMethod.Electronic => null,
            _ => l["Delivery.ChooseMethod"].Value,
        };
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(clerk!, ct));
        }

        var now = clock.GetUtcNow();
        found.DeliveryMethod = method;
        found.DeliveredAt = now.ToUniversalTime();
        found.DeliveredByStaffId = clerk!.StaffId;
        found.DeliveryRecipient = (recipient ?? found.ApplicantName).Trim();
        found.DeliveryRecipientId = method == DeliveryMethod.Pickup ? ChineseIdNumber.Normalize(recipientId!) : "";
        found.CourierCompany = (courier ?? "").Trim();
        found.TrackingNumber = (tracking ?? "").Trim();
        found.DeliveryAddress = (address ?? "").Trim();
        var note = method switch
        {
            DeliveryMethod.Courier => l["Delivery.CourierNote", found.CourierCompany, found.TrackingNumber].Value,
            DeliveryMethod.Electronic => l["Delivery.ElectronicNote"].Value,
            _ => l["Delivery.PickupNote", NameMask.Mask(found.DeliveryRecipient, false)].Value,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await closure.CloseAsync(found, CaseState.Completed, now, note, c => CaseStep.By(c, StepActions.Delivered, clerk, now, note), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Result of case {CaseNumber} delivered ({Method}) by staff {StaffId}", found.Number, method, clerk.StaffId);
        TempData["Flash"] = "Delivery.Done";
        return Redirect("/window/delivery");
    }

    private async Task<DeliveryPage> PageAsync(StaffPlacement clerk, CancellationToken ct)
    {
        var waiting = await db.Set<Case>().AsNoTracking()
            .Where(c => c.HallId == clerk.HallId && c.State == CaseState.AwaitingDelivery)
            .OrderBy(c => c.DecidedAt)
            .ToListAsync(ct);
        var issued = await licences.ForCasesAsync(waiting.Select(c => c.Id).ToList(), ct);
        var calendar = await calendars.GetAsync(ct);
        var today = clock.Today();
        var rows = waiting.Select(c =>
        {
            var decided = DateOnly.FromDateTime((c.DecidedAt ?? c.ClosedAt ?? c.CreatedAt).ToChinaTime());
            var due = calendar.AddWorkingDays(decided, DeliveryWorkingDays).End;
            return new DeliveryRow(c, issued.Where(x => x.CaseId == c.Id).ToList(), due, due < today);
        }).ToList();
        return new DeliveryPage(rows, clerk.HallName ?? "");
    }
}
