using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Immediate;

/// <summary>The chief representative's list of 即办件 waiting for a decision.</summary>
public sealed class ImmediateQueries(GovDbContext db)
{
    public Task<List<Case>> WaitingAsync(StaffPlacement chief, CancellationToken ct) =>
        DecideImmediately.Waiting(db.Set<Case>().AsNoTracking(), chief).OrderBy(c => c.AcceptedAt).ToListAsync(ct);
}
