using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Supervision.Orders;

/// <summary>How opening an order by hand ended: the card's case (to go back to) and, when opened, the new order.</summary>
public sealed record IssuedOrder(WorkOutcome Outcome, string CaseNumber = "", Guid OrderId = default);

/// <summary>
/// A supervisor opens a 督办单 by hand (rule MANUAL, 提醒) on any card of a case in their region, to the department or
/// hall the card is addressed to, answerable within <c>Supervision:ResponseWorkingDays</c>; the addressees are told.
/// </summary>
public sealed class IssueOrder(
    GovDbContext db,
    SupervisionScope scopes,
    SupervisionWork work,
    DocumentNumbers numbers,
    IOrganizationDirectory organization,
    IWorkingCalendarProvider calendars,
    IOptions<SupervisionOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    public const int ContentMax = 1000;

    public async Task<IssuedOrder> RunAsync(Guid cardId, ClaimsPrincipal user, string? content, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(user, ct);
        var card = await db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId, ct);
        if (viewer is not { IsSupervisor: true } || card is null || !viewer.MaySee(card.DepartmentId, card.HallId))
        {
            return new(WorkOutcome.NotFound);
        }

        var text = (content ?? "").Trim();
        if (text.Length is 0 or > ContentMax)
        {
            return new(WorkOutcome.Invalid, card.CaseNumber);
        }

        var today = clock.Today();
        var now = clock.GetUtcNow().ToUniversalTime();
        var calendar = await calendars.GetAsync(ct);
        var department = card.DepartmentId is { } d ? (await organization.DepartmentsAsync(ct)).FirstOrDefault(x => x.Id == d) : null;
        var order = new SupervisionOrder
        {
            Number = await numbers.NextAsync(DocumentSeries.SupervisionOrder, ct),
            CaseId = card.CaseId,
            CaseNumber = card.CaseNumber,
            ItemName = card.ItemName,
            Content = text,
            DepartmentId = card.DepartmentId,
            DepartmentName = department?.Name ?? "",
            HallId = card.HallId,
            RuleCode = MonitoringRules.Manual,
            WarningType = 3,
            IssuedAt = now,
            StateChangedAt = now,
            ResponseDue = calendar.AddWorkingDays(today, Math.Max(1, options.Value.ResponseWorkingDays)).End,
            OpenedByStaffId = viewer.Staff.StaffId,
            OpenedByName = viewer.Staff.Name,
        };
        var recipients = await OrderNotices.StaffAnsweringAsync(organization, card.DepartmentId, card.HallId, ct);
        db.Add(order);
        await work.SaveAndPostAsync([.. OrderNotices.For(OrderNotices.Addressees(recipients), order.Id, order.Number, order.CaseNumber, order.Content, order.ResponseDue, 0, l)], ct);
        return new(WorkOutcome.Done, card.CaseNumber, order.Id);
    }
}
