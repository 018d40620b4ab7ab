using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.MyCases;

public enum WithdrawOutcome
{
    /// <summary>No case of the applicant's with this number.</summary>
    NotFound = 1,

    /// <summary>Decided or ended already: the lifecycle allows no withdrawal.</summary>
    NotAllowed = 2,

    Withdrawn = 3,
}

/// <summary>撤回: the applicant withdraws an application before it is decided; the case ends through <see cref="CaseClosure"/>.</summary>
public sealed class WithdrawCase(GovDbContext db, CaseClosure closure, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<WithdrawCase> logger)
{
    public async Task<WithdrawOutcome> HandleAsync(string number, Guid applicant, CancellationToken ct)
    {
        var mine = await db.Set<Case>().Mine(applicant).FirstOrDefaultAsync(c => c.Number == number, ct);
        if (mine is null)
        {
            return WithdrawOutcome.NotFound;
        }

        if (!mine.CanMoveTo(CaseState.Withdrawn))
        {
            return WithdrawOutcome.NotAllowed;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await closure.CloseAsync(mine, CaseState.Withdrawn, now, l["CaseClosed.Reason.Withdrawn"], c => CaseStep.ByApplicantOrSystem(c, StepActions.Withdrawn, c.ApplicantName, now), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Case {CaseNumber} withdrawn by its applicant", number);
        return WithdrawOutcome.Withdrawn;
    }
}
