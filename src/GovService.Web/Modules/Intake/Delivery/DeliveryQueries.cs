using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Controllers;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Delivery;

/// <summary>The delivery desk as read: the results waiting at the clerk's hall, with their licences and the delivery clock.</summary>
public sealed class DeliveryQueries(GovDbContext db, ILicenceDirectory licences, IWorkingCalendarProvider calendars, TimeProvider clock)
{
    /// <summary>A result is delivered within this many working days of the decision (行政许可法 art. 44).</summary>
    public const int DeliveryWorkingDays = 10;

    public async Task<DeliveryPage> PageAsync(StaffPlacement clerk, CancellationToken ct)
    {
        var waiting = await db.Set<Case>().AsNoTracking()
            .Where(c => (c.CollectingHallId ?? c.HallId) == clerk.HallId && c.State == CaseState.AwaitingDelivery)
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
