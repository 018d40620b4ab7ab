using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.CodeLists;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Immediate;

/// <summary>What the chief representative posted: approve or deny (anything else is refused), and the opinion (required to deny).</summary>
public sealed record ImmediateDecision(Guid CaseId, string? Decision, string? Opinion, bool OpinionTooLong);

public enum ImmediateOutcome
{
    /// <summary>No 即办件 of the hall waiting with this id.</summary>
    NotFound = 1,

    /// <summary>The decision is neither approve nor deny.</summary>
    NotADecision = 2,

    OpinionTooLong = 3,

    /// <summary>A denial says why.</summary>
    OpinionRequired = 4,

    Approved = 5,
    Denied = 6,
}

/// <summary>
/// 即办件 decided at the window the same day by the hall's chief representative (首席代表) within delegated authority:
/// an approval goes straight to delivery at the window, a denial ends the case.
/// </summary>
public sealed class DecideImmediately(GovDbContext db, CaseDecisions decisions, TimeProvider clock, ILogger<DecideImmediately> logger)
{
    /// <summary>The 即办件 of the chief's hall accepted and waiting for the decision.</summary>
    public static IQueryable<Case> Waiting(IQueryable<Case> cases, StaffPlacement chief) =>
        cases.Where(c => c.HallId == chief.HallId && c.CaseKind == (int)CaseKind.Immediate && c.State == CaseState.Accepted);

    public async Task<ImmediateOutcome> HandleAsync(ImmediateDecision request, StaffPlacement chief, CancellationToken ct)
    {
        var found = await Waiting(db.Set<Case>(), chief).FirstOrDefaultAsync(c => c.Id == request.CaseId, ct);
        if (found is null)
        {
            return ImmediateOutcome.NotFound;
        }

        if (request.Decision is not ("approve" or "deny"))
        {
            return ImmediateOutcome.NotADecision;
        }

        if (request.OpinionTooLong)
        {
            return ImmediateOutcome.OpinionTooLong;
        }

        var approve = request.Decision == "approve";
        if (!approve && string.IsNullOrWhiteSpace(request.Opinion))
        {
            return ImmediateOutcome.OpinionRequired;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await decisions.DecideAsync(found, approve, request.Opinion ?? "", chief, StepActions.Approved, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Immediate case {CaseNumber} decided ({Decision}) by chief representative {StaffId}", found.Number, request.Decision, chief.StaffId);
        return approve ? ImmediateOutcome.Approved : ImmediateOutcome.Denied;
    }
}
