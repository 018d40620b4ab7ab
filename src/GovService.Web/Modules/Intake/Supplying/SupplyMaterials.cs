using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.MyCases;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Supplying;

/// <summary>
/// What an online supplement post came to: no such case of the applicant's, nothing owed, or saved (with the uploads
/// refused, if any), with the state the case was in (<paramref name="From"/>) and is in now.
/// </summary>
public sealed record OnlineSupply(bool Found, bool NothingOwed, CaseState State, IReadOnlyList<(string Field, string Message)> Errors, CaseState From = default)
{
    /// <summary>The filing agent has no live mandate for the case any more (revoked, expired): nothing was stored (403).</summary>
    public bool Forbidden { get; init; }

    public static readonly OnlineSupply NotFound = new(false, false, default, []);

    /// <summary>Nothing is owed any more: the case went on (back to pre-review, to review, or a plain acceptance).</summary>
    public bool Complete => State is CaseState.Submitted or CaseState.Accepted or CaseState.InReview;

    /// <summary>
    /// Where the supplied case went, as the applicant is told it (a resource key): a one-time notice back to pre-review
    /// at the window, a reviewer's 补正 back to that reviewer with the clock running again, 容缺 materials completing the
    /// acceptance; or what is still owed.
    /// </summary>
    public string Told => !Complete ? "MyCases.SupplementPartly"
        : From == CaseState.AcceptedWithDeficiency ? "MyCases.DeficiencySupplied"
        : State == CaseState.InReview ? "MyCases.SupplementDoneInReview"
        : "MyCases.SupplementDone";
}

/// <summary>What handing in 容缺 materials at a window came to: no such case, or the case with what it owes and, when refused, why.</summary>
public sealed record WindowSupply(Case? Case, IReadOnlyList<CaseMaterial> Owed, string? Error);

/// <summary>
/// The applicant supplies what is owed: what a one-time notice or a 补正 in review asked for, or what a 容缺 commitment
/// promised. Online they upload it (a part at a time if they like); at any comprehensive window the clerk takes every
/// promised material at once. Either way, once nothing is owed the case goes on by <see cref="Case.StateAfterSupply"/>
/// in the same save, and a paused clock resumes (<see cref="ICaseSupplementedHandler"/>).
/// </summary>
public sealed class SupplyMaterials(
    GovDbContext db,
    MaterialFiles files,
    IEnumerable<ICaseSupplementedHandler> supplementedHandlers,
    IAgentMandates mandates,
    Catalog.Contracts.ICatalogDirectory catalog,
    ApplicantNotices notices,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    ILogger<SupplyMaterials> logger)
{
    /// <summary>补正 online: the signed-in applicant's (or filing agent's) case <paramref name="number"/>, with the files posted per material slot.</summary>
    public async Task<OnlineSupply> OnlineAsync(string number, Guid applicant, IReadOnlyDictionary<int, IFormFile> posted, CancellationToken ct)
    {
        var mine = await db.Set<Case>().Mine(applicant).FirstOrDefaultAsync(c => c.Number == number, ct);
        if (mine is null)
        {
            return OnlineSupply.NotFound;
        }

        var owed = await OwedAsync(mine, ct);
        if (owed.Count == 0)
        {
            return new OnlineSupply(true, true, mine.State, []);
        }

        var errors = new List<(string Field, string Message)>();
        var uploads = await files.ReadAsync(owed.Select(m => (m.Position, m.Name)), posted, errors, ct);
        if (uploads.Count == 0 && errors.Count == 0)
        {
            errors.Add((string.Empty, l["MyCases.ChooseFiles"]));
        }

        var before = mine.State;
        var now = clock.GetUtcNow();
        // The files, the steps, the resumed clock and the applicant's notice commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The agent who filed it supplies within the applicant's live mandate only (checked and logged under it).
        if (mine.AgentUserId == applicant && uploads.Count > 0)
        {
            var use = await mandates.UseAsync(new MandatedAct(applicant, mine.ContactName, mine.ApplicantIdNumber, MandatedAction.SupplyMaterials,
                [new MandatedCase(mine.Id, mine.Number, mine.BasicCode, mine.ItemName, mine.BundleCode, await DepartmentAsync(mine, ct))]), ct);
            if (!use.Allowed)
            {
                await transaction.RollbackAsync(ct);
                return new OnlineSupply(true, false, mine.State, [(string.Empty, l[$"Mandate.Refused.{use.Refusal}"])], mine.State) { Forbidden = true };
            }
        }

        await files.StoreAsync(mine, uploads, applicant, now, ct);
        var who = mine.ApplicantName;
        if (uploads.Count > 0)
        {
            db.Add(CaseStep.ByApplicantOrSystem(mine, StepActions.Uploaded, who, now, string.Join("、", uploads.Select(u => u.MaterialName))));
        }

        var arrived = owed.Where(m => uploads.Any(u => u.Position == m.Position)).ToList();
        await ReceiveAsync(mine, owed, arrived, now, action => CaseStep.ByApplicantOrSystem(mine, action, who, now), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new OnlineSupply(true, false, mine.State, errors, before);
    }

    /// <summary>
    /// 容缺受理 kept at a window: every owed material of the 容缺 case <paramref name="number"/> must be on the counter
    /// (<paramref name="supplied"/>: their positions); the case counts one more visit and stays with the hall that accepted it.
    /// </summary>
    public async Task<WindowSupply> AtWindowAsync(string number, IReadOnlyCollection<int> supplied, StaffPlacement clerk, CancellationToken ct)
    {
        var found = await db.Set<Case>().Where(c => c.State == CaseState.AcceptedWithDeficiency && c.Number == number).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return new WindowSupply(null, [], null);
        }

        var owed = await OwedAsync(found, ct);
        var missing = owed.Where(m => !supplied.Contains(m.Position)).ToList();
        if (missing.Count > 0)
        {
            return new WindowSupply(found, owed, l["Window.DeficiencyAllNeeded", string.Join("、", missing.Select(m => m.Name))]);
        }

        var now = clock.GetUtcNow();
        found.Visits++;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ReceiveAsync(found, owed, owed, now, action => CaseStep.By(found, action, clerk, now, string.Join("、", owed.Select(m => m.Name))), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new WindowSupply(found, owed, null);
    }

    private async Task<List<CaseMaterial>> OwedAsync(Case c, CancellationToken ct)
    {
        var materials = await db.Set<CaseMaterial>().Where(m => m.CaseId == c.Id).OrderBy(m => m.Position).ToListAsync(ct);
        return materials.Where(m => m.Owed(c.State)).ToList();
    }

    /// <summary>
    /// The one rule of supplying: what arrived is received; once nothing of <paramref name="owed"/> is outstanding the case
    /// goes on, its timeline gets the step <paramref name="step"/> makes for the action, and a 补正 in review resumes the clock.
    /// </summary>
    private async Task ReceiveAsync(Case c, IReadOnlyList<CaseMaterial> owed, IEnumerable<CaseMaterial> arrived, DateTimeOffset now, Func<string, CaseStep> step, CancellationToken ct)
    {
        foreach (var material in arrived)
        {
            material.SuppliedAt = now;
            material.Received = true;
        }

        if (owed.Any(m => m.SuppliedAt is null))
        {
            return;
        }

        var resumed = c.State == CaseState.SupplementRequested && c.AcceptedAt is not null;
        var next = c.StateAfterSupply();
        c.MoveTo(next, now);
        var supplied = step(next == CaseState.Submitted ? StepActions.Resubmitted : resumed ? StepActions.SupplementedInReview : StepActions.DeficiencySupplied);
        db.Add(supplied);
        if (resumed)
        {
            foreach (var handler in supplementedHandlers)
            {
                await handler.OnSupplementedAsync(c.Id, clock.Today(), ct);
            }
        }

        // Once the clock has resumed: the applicant is told the date it now runs to.
        await notices.TellAsync(c, supplied, ct);

        logger.LogInformation("Case {CaseNumber}: every owed material supplied; now {State}", c.Number, next);
    }

    /// <summary>The department implementing the case's item (a mandate may cover all of one department's items).</summary>
    private async Task<Guid> DepartmentAsync(Case c, CancellationToken ct) =>
        (await catalog.FindPublishedAsync(c.BasicCode, ct))?.DepartmentId ?? Guid.Empty;
}
