using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Assistance.Mandates;

/// <summary>
/// Intake's <see cref="IAgentMandates"/>: an agent acts for an applicant only within a live mandate that covers the case,
/// and every act is recorded under it. The applicant's mandates to the agent are locked FOR SHARE in the caller's
/// transaction, so a revocation running at the same moment either committed first (and the act is refused) or waits
/// until the act is committed (and the act stands, before the revocation, as the log shows).
/// A filed case is also linked to the agent's accepted 代办 request for the same applicant and item.
/// </summary>
internal sealed class AgentMandates(GovDbContext db, TimeProvider clock) : IAgentMandates
{
    public async Task<IReadOnlyList<MandatedApplicant>> LiveForAgentAsync(Guid agentUserId, IReadOnlyList<MandatedCase> items, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var live = await db.Set<Mandate>().AsNoTracking()
            .Where(m => m.AgentUserId == agentUserId && m.State == MandateState.Granted && m.StartsOn <= today && m.ExpiresOn >= today)
            .OrderBy(m => m.CitizenName).ThenBy(m => m.Number)
            .Take(500)
            .ToListAsync(cancellationToken);
        return live.Where(m => items.All(i => m.Covers(i.ItemCode, i.BundleCode, i.DepartmentId)))
            .Select(m => new MandatedApplicant(m.Id, m.Number, m.CitizenName, m.CitizenIdNumber, m.CitizenMobile, m.ScopeName, m.ExpiresOn))
            .ToList();
    }

    public async Task<MandateUse> UseAsync(MandatedAct act, CancellationToken cancellationToken = default)
    {
        var idNumber = ChineseIdNumber.Normalize(act.ApplicantIdNumber);
        var mandates = await db.Set<Mandate>()
            .FromSql($"SELECT *, xmin FROM gov.asv_mandates WHERE agent_user_id = {act.AgentUserId} AND citizen_id_number = {idNumber} ORDER BY id FOR SHARE")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        Mandate? used = null;
        foreach (var c in act.Cases)
        {
            var (mandate, refusal) = Choose(mandates, c, act.Action, today);
            if (mandate is null)
            {
                return new MandateUse(null, "", refusal);
            }

            used ??= mandate;
            if (act.Action == MandatedAction.SaveDraft
                && await db.Set<MandateAct>().AnyAsync(a => a.CaseId == c.CaseId && a.Kind == MandateActKind.DraftSaved, cancellationToken))
            {
                continue;
            }

            db.Add(new MandateAct
            {
                MandateId = mandate.Id,
                At = now,
                Kind = Kind(act.Action),
                ByName = act.AgentName,
                CaseId = c.CaseId,
                CaseNumber = c.Number ?? "",
                ItemName = c.ItemName,
            });
        }

        if (act.Action == MandatedAction.FileCase && act.Cases.Count > 0)
        {
            var first = act.Cases[0];
            var codes = act.Cases.Select(c => c.ItemCode).Append(first.BundleCode).ToList();
            var request = await db.Set<AssistanceRequest>()
                .Where(r => r.AgentUserId == act.AgentUserId && r.State == RequestState.Accepted && r.ApplicantIdNumber == idNumber && codes.Contains(r.ItemCode))
                .OrderBy(r => r.AcceptedAt)
                .FirstOrDefaultAsync(cancellationToken);
            request?.RecordFiled(first.CaseId, now);
        }

        return new MandateUse(used!.Id, used.Number, MandateRefusal.None) { MayReceiveResult = used.MayReceiveResult };
    }

    /// <summary>A mandate that allows the act on the case, else the most telling reason none does.</summary>
    private static (Mandate? Mandate, MandateRefusal Refusal) Choose(List<Mandate> mandates, MandatedCase c, MandatedAction action, DateOnly today)
    {
        if (mandates.Count == 0)
        {
            return (null, MandateRefusal.NoMandate);
        }

        var covering = mandates.Where(m => m.Covers(c.ItemCode, c.BundleCode, c.DepartmentId)).ToList();
        if (covering.Count == 0)
        {
            return (null, MandateRefusal.OutOfScope);
        }

        var live = covering.Where(m => m.IsLiveOn(today)).ToList();
        if (live.Count == 0)
        {
            return (null, covering.All(m => m.State == MandateState.Revoked) ? MandateRefusal.Revoked : MandateRefusal.NotLive);
        }

        if (action == MandatedAction.ReceiveResult)
        {
            var receiving = live.FirstOrDefault(m => m.MayReceiveResult);
            return receiving is null ? (null, MandateRefusal.MayNotReceive) : (receiving, MandateRefusal.None);
        }

        return (live[0], MandateRefusal.None);
    }

    private static MandateActKind Kind(MandatedAction action) => action switch
    {
        MandatedAction.SaveDraft => MandateActKind.DraftSaved,
        MandatedAction.FileCase => MandateActKind.CaseFiled,
        MandatedAction.SupplyMaterials => MandateActKind.MaterialsSupplied,
        MandatedAction.ReceiveResult => MandateActKind.ResultReceived,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public async Task<IReadOnlyList<AgentActOnCase>> ActsOnCaseAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var acts = await (from a in db.Set<MandateAct>().AsNoTracking()
                          join m in db.Set<Mandate>() on a.MandateId equals m.Id
                          where a.CaseId == caseId
                          orderby a.At
                          select new { a.At, a.ByName, m.Number, a.Kind })
            .ToListAsync(cancellationToken);
        return acts.Select(a => new AgentActOnCase(a.At, a.ByName, a.Number, Action(a.Kind))).ToList();
    }

    private static MandatedAction Action(MandateActKind kind) => kind switch
    {
        MandateActKind.DraftSaved => MandatedAction.SaveDraft,
        MandateActKind.MaterialsSupplied => MandatedAction.SupplyMaterials,
        MandateActKind.ResultReceived => MandatedAction.ReceiveResult,
        _ => MandatedAction.FileCase,
    };
}
