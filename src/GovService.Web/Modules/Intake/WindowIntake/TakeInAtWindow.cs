using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.WindowIntake;

/// <summary>What a window intake post came to: the case (made now or by an earlier post of the same form) or the errors.</summary>
public sealed record TakenIn(Case? Case, IReadOnlyList<(string Field, string Message)> Errors, bool Repeated = false);

/// <summary>
/// A walk-in's intake, exactly once per form: the form's <see cref="WindowIntakeForm.IntakeKey"/> becomes the new case's
/// id. Posts of the same form queue on a transaction-scoped advisory lock of the key, and the one that finds the case
/// already there answers with it — a double click, a retried post and three parallel posts make one case, one number,
/// one review task and at most one account. Registering the applicant (开通账户) happens in the same transaction, so a
/// refused outcome registers nobody.
/// </summary>
public sealed class TakeInAtWindow(GovDbContext db, AcceptAtWindow outcomes, ICitizenDirectory citizens, IEnumerable<Contracts.ICaseTakenInHandler> takenInHandlers, IStringLocalizer<SharedResource> l, ILogger<TakeInAtWindow> logger)
{
    /// <summary>The advisory-lock class of window intake keys (the second key is the intake key's hash).</summary>
    private const int LockClass = 0x1A7E;

    public async Task<TakenIn> HandleAsync(PublishedItem item, WindowIntakeForm form, IntakeOutcome outcome, StaffPlacement clerk, CancellationToken ct)
    {
        if (form.IntakeKey == Guid.Empty)
        {
            form.IntakeKey = Guid.CreateVersion7(); // a form from before keys: taken in as a new intake
        }

        if (await MadeAlreadyAsync(form.IntakeKey, ct) is { } earlier)
        {
            return Repeat(earlier);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var key = form.IntakeKey.ToString();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, hashtext({key}))", ct);
        if (await MadeAlreadyAsync(form.IntakeKey, ct) is { } concurrent)
        {
            await transaction.RollbackAsync(ct);
            return Repeat(concurrent);
        }

        if (form.RegisterApplicant && await citizens.RegisterAtWindowAsync(form.ApplicantName, form.ApplicantIdNumber, form.ContactMobile, ct) is null)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new TakenIn(null, [(nameof(form.ContactMobile), l["Window.RegisterMobileTaken"])]);
        }

        var result = await outcomes.DecideAsync(outcome, item, form, clerk, ct);
        if (result.Case is null)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new TakenIn(null, result.Errors);
        }

        if (form.TicketId is { } ticket)
        {
            foreach (var handler in takenInHandlers)
            {
                await handler.OnTakenInAsync(new Contracts.CaseTakenIn(result.Case.Id, ticket, clerk.StaffId), ct);
            }
        }

        await transaction.CommitAsync(ct);
        return new TakenIn(result.Case, []);
    }

    private TakenIn Repeat(Case earlier)
    {
        logger.LogInformation("Window intake {IntakeKey} posted again: answered with case {CaseNumber}", earlier.Id, earlier.Number);
        return new TakenIn(earlier, [], Repeated: true);
    }

    private Task<Case?> MadeAlreadyAsync(Guid key, CancellationToken ct) =>
        db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == key, ct);
}
