using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Assistance.Requests;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Assistance.Figures;

/// <summary>
/// 回访: a supervisor calls the citizen after a request is done and records how it went; the figures count it. Only the
/// supervisors over the citizen's village (a county supervisor also over companies) see and record it.
/// </summary>
public sealed class FollowUps(GovDbContext db, IRegionDirectory regions, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Done requests in the supervisor's region, those without a 回访 first, at most 100.</summary>
    public async Task<IReadOnlyList<AssistanceRequest>> DueAsync(Guid supervisorRegion, CancellationToken ct)
    {
        var scope = await ScopeAsync(supervisorRegion, ct);
        return await db.Set<AssistanceRequest>().AsNoTracking()
            .Where(r => r.State == RequestState.Done && (scope.Villages.Contains(r.VillageId) || (scope.County && r.VillageId == null)))
            .OrderBy(r => r.FollowUpAt != null).ThenByDescending(r => r.DoneAt)
            .Take(100).ToListAsync(ct);
    }

    public async Task<WorkOutcome> RecordAsync(Guid supervisorRegion, string supervisorName, Guid requestId, FollowUpResult? result, string? note, CancellationToken ct)
    {
        var scope = await ScopeAsync(supervisorRegion, ct);
        var request = await db.Set<AssistanceRequest>()
            .FirstOrDefaultAsync(r => r.Id == requestId && (scope.Villages.Contains(r.VillageId) || (scope.County && r.VillageId == null)), ct);
        if (request is null)
        {
            return WorkOutcome.NotFound;
        }

        var text = note?.Trim() ?? "";
        if (result is not { } chosen || !Enum.IsDefined(chosen) || text.Length > 500)
        {
            return new WorkOutcome(true, l["Assistance.FollowUp.Required"]);
        }

        if (request.State != RequestState.Done)
        {
            return new WorkOutcome(true, l["Assistance.FollowUp.NotDone"]);
        }

        request.RecordFollowUp(chosen, text, supervisorName, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new WorkOutcome(true, l["Common.ConcurrentEdit"]);
        }

        return WorkOutcome.Done;
    }

    private async Task<(List<Guid?> Villages, bool County)> ScopeAsync(Guid supervisorRegion, CancellationToken ct)
    {
        var all = await regions.RegionsAsync(ct);
        return (all.Where(r => r.Tier == RegionTier.Village && RequestRouting.Serves(supervisorRegion, r.Id, all)).Select(r => (Guid?)r.Id).ToList(),
            all.Any(r => r.Id == supervisorRegion && r.Tier == RegionTier.County));
    }
}
