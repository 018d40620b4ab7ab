using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Calendar;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Jobs;

/// <summary>
/// 容缺受理 cases whose promised materials did not arrive by the committed day are terminated (DESIGN §4).
/// Each case goes through the lifecycle (audited); a rerun finds nothing left to do.
/// </summary>
public sealed class DeficiencySweepJob(GovDbContext db, CaseClosure closure, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<DeficiencySweepJob> logger)
{
    public const string RecurringId = "intake.deficiency-sweep";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked for this run: an applicant supplying the material at this moment either wins (the case is no longer
        // deficient when the lock is granted and is skipped) or waits and finds the case terminated.
        var overdue = await db.Set<Case>()
            .FromSql($"SELECT *, xmin FROM gov.int_cases WHERE state = {(int)CaseState.AcceptedWithDeficiency} AND deficiency_due_date < {today} FOR UPDATE")
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var c in overdue)
        {
            c.TerminationReason = l["Intake.TerminatedDeficiency", c.DeficiencyDueDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
            await closure.CloseAsync(c, CaseState.Terminated, now, c.TerminationReason,
                ended => CaseStep.ByApplicantOrSystem(ended, StepActions.Terminated, l["CaseStep.System"], now, ended.TerminationReason), cancellationToken);
            logger.LogInformation("Case {CaseNumber} terminated: deficient material not supplied by {DueDate}", c.Number, c.DeficiencyDueDate);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return overdue.Count;
    }
}
