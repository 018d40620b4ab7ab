using GovService.Web.Infrastructure.Data;
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
public sealed class DeficiencySweepJob(GovDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<DeficiencySweepJob> logger)
{
    public const string RecurringId = "intake.deficiency-sweep";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var overdue = await db.Set<Case>()
            .Where(c => c.State == CaseState.AcceptedWithDeficiency && c.DeficiencyDueDate < today)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var c in overdue)
        {
            c.TerminationReason = l["Intake.TerminatedDeficiency", c.DeficiencyDueDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
            c.MoveTo(CaseState.Terminated, now);
            db.Add(CaseStep.ByApplicantOrSystem(c, "Terminated", l["CaseStep.System"], now, c.TerminationReason));
            logger.LogInformation("Case {CaseNumber} terminated: deficient material not supplied by {DueDate}", c.Number, c.DeficiencyDueDate);
        }

        await db.SaveChangesAsync(cancellationToken);
        return overdue.Count;
    }
}
