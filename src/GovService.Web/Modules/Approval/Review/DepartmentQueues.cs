using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Approval.Review;

public sealed record QueueFilter(string? Query = null, bool MineOnly = false, bool OverdueOnly = false, int Page = 1)
{
    public const int PageSize = 50;
}

public sealed record QueueRow(Guid TaskId, string CaseNumber, string ItemName, string ApplicantName, string StepName, int Stage, DateOnly? DueOn, string ClaimedByName, Guid? ClaimedByStaffId, bool Paused);

public sealed record QueuePage(QueueFilter Filter, IReadOnlyList<QueueRow> Rows, int Total, string Department);

/// <summary>
/// A department's queue: its open steps, soonest due first, with filters and paging. Claims are taken and given back
/// by <see cref="Steps.ClaimStep"/> and <see cref="Steps.ReleaseClaim"/>.
/// </summary>
public sealed class DepartmentQueues(GovDbContext db, TimeProvider clock)
{
    public async Task<QueuePage> ListAsync(StaffPlacement reviewer, QueueFilter filter, CancellationToken ct)
    {
        var query = db.Set<ReviewTask>().AsNoTracking().Where(t => t.DepartmentId == reviewer.DepartmentId && t.State == TaskState.Open);
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var q = filter.Query.Trim();
            query = query.Where(t => t.CaseNumber == q || t.ItemName.Contains(q) || t.ApplicantName == q);
        }

        if (filter.MineOnly)
        {
            query = query.Where(t => t.ClaimedByStaffId == reviewer.StaffId);
        }

        if (filter.OverdueOnly)
        {
            var today = clock.Today();
            query = query.Where(t => t.DueOn < today);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(t => t.DueOn).ThenBy(t => t.Id)
            .Skip(Paging.Offset(filter.Page, QueueFilter.PageSize)).Take(QueueFilter.PageSize)
            .Select(t => new QueueRow(
                t.Id, t.CaseNumber, t.ItemName, t.ApplicantName, t.Name, t.Stage, t.DueOn, t.ClaimedByName, t.ClaimedByStaffId,
                db.Set<ClockSegmentRecord>().Any(s => s.CaseId == t.CaseId && s.To == null && s.State == SegmentState.InForce && s.Kind != ClockSegmentKind.Extended)))
            .ToListAsync(ct);
        return new QueuePage(
            filter,
            rows,
            total,
            reviewer.DepartmentName ?? "");
    }
}
