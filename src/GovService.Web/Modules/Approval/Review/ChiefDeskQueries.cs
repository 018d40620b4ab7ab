using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Approval.Review;

public sealed record ExtensionRequest(ClockSegmentRecord Segment, ReviewTask Task);

public sealed record ChiefDesk(IReadOnlyList<ExtensionRequest> Extensions, IReadOnlyList<ReviewTask> Decisions);

/// <summary>
/// What waits for the chief representative (首席代表) of a hall: the extensions reviewers asked for on the hall's cases,
/// and the open steps a template lets the chief decide (授权审批).
/// </summary>
public sealed class ChiefDeskQueries(GovDbContext db)
{
    public async Task<ChiefDesk> DeskAsync(StaffPlacement chief, CancellationToken ct)
    {
        var requests = await (from s in db.Set<ClockSegmentRecord>().AsNoTracking()
                              join t in db.Set<ReviewTask>().AsNoTracking() on s.TaskId equals t.Id
                              where s.State == SegmentState.Requested && t.HallId == chief.HallId
                              orderby s.CreatedAt
                              select new ExtensionRequest(s, t)).ToListAsync(ct);
        var decisions = await db.Set<ReviewTask>().AsNoTracking()
            .Where(t => t.HallId == chief.HallId && t.State == TaskState.Open && t.Decides && t.ChiefMayDecide)
            .OrderBy(t => t.DueOn).ToListAsync(ct);
        return new ChiefDesk(requests, decisions);
    }

    /// <summary>An open deciding step of the chief's hall that the template lets the chief decide; otherwise null.</summary>
    public Task<ReviewTask?> DecidableAsync(Guid taskId, StaffPlacement chief, CancellationToken ct) =>
        db.Set<ReviewTask>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == taskId && t.HallId == chief.HallId && t.State == TaskState.Open && t.Decides && t.ChiefMayDecide, ct);
}
