using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>The Intake side of <see cref="ICaseRecords"/>: every change through the lifecycle, nothing saved here.</summary>
internal sealed class CaseRecords(GovDbContext db, CaseDecisions decisions, CaseAnswers answers, ApplicantNotices notices, TimeProvider clock) : ICaseRecords
{
    public async Task<CaseSummary?> FindAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var c = await db.Set<Case>().FindAsync([caseId], cancellationToken);
        if (c is null)
        {
            return null;
        }

        var owed = await db.Set<CaseMaterial>().Where(m => m.CaseId == caseId).ToListAsync(cancellationToken);
        return new CaseSummary(c.Id, c.Number ?? "", c.ItemName, c.BasicCode, c.ApplicantName, c.ApplicantIdNumber, c.ContactMobile, c.State, c.HallId,
            c.AcceptedAt, c.PromisedDueDate, c.StatutoryDueDate, owed.Any(m => m.Owed(c.State)), c.FormData) { ReplacesLicenceNumber = c.ReplacesLicenceNumber };
    }

    public async Task<IReadOnlyList<CaseMaterialInfo>> MaterialsAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var materials = await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Position).ToListAsync(cancellationToken);
        var files = await db.Set<CaseFile>().AsNoTracking().Where(f => f.CaseId == caseId && f.ReplacedAt == null)
            .Select(f => new { f.Id, f.Position, f.FileName, f.UploadedAt }).ToListAsync(cancellationToken);
        return materials.Select(m =>
        {
            var file = files.FirstOrDefault(f => f.Position == m.Position);
            return new CaseMaterialInfo(m.Position, m.Name, m.Required, m.Received, m.Defect, file?.Id, file?.FileName, file?.UploadedAt, m.SuppliedAt);
        }).ToList();
    }

    public async Task<IReadOnlyList<Catalog.Contracts.FieldAnswer>> AnswersAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) is { } c ? await answers.ForAsync(c, cancellationToken) : [];

    public async Task StartReviewAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var c = await CaseAsync(caseId, cancellationToken);
        c.ReviewStartedAt ??= clock.GetUtcNow().ToUniversalTime();
        if (c.State == CaseState.Accepted)
        {
            c.MoveTo(CaseState.InReview, clock.GetUtcNow());
        }
    }

    public Task<int> SupplementsAskedAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        db.Set<CaseStep>().CountAsync(s => s.CaseId == caseId && (s.Action == StepActions.SupplementRequested || s.Action == StepActions.SupplementInReview), cancellationToken);

    public async Task RequestSupplementAsync(Guid caseId, IReadOnlyList<(int Position, string Defect)> defects, StaffPlacement by, CancellationToken cancellationToken = default)
    {
        var c = await CaseAsync(caseId, cancellationToken);
        var now = clock.GetUtcNow();
        var materials = await db.Set<CaseMaterial>().Where(m => m.CaseId == caseId).ToListAsync(cancellationToken);
        foreach (var (position, defect) in defects)
        {
            if (materials.FirstOrDefault(m => m.Position == position) is { } material)
            {
                material.Defect = defect.Trim();
                material.SuppliedAt = null;
            }
        }

        c.MoveTo(CaseState.SupplementRequested, now);
        var listed = string.Join("；", defects.Select(d => $"{materials.FirstOrDefault(m => m.Position == d.Position)?.Name}：{d.Defect}"));

        // The applicant is told at once (inbox and text message): the clock waits for them.
        await AddAsync(c, CaseStep.By(c, StepActions.SupplementInReview, by, now, listed), cancellationToken);
    }

    public async Task StartSpecialProcedureAsync(Guid caseId, StaffPlacement by, string note, CancellationToken cancellationToken = default)
    {
        var c = await CaseAsync(caseId, cancellationToken);
        c.MoveTo(CaseState.SpecialProcedure, clock.GetUtcNow());
        await AddAsync(c, CaseStep.By(c, StepActions.SpecialProcedure, by, clock.GetUtcNow(), note), cancellationToken);
    }

    public async Task EndSpecialProcedureAsync(Guid caseId, StaffPlacement by, string note, CancellationToken cancellationToken = default)
    {
        var c = await CaseAsync(caseId, cancellationToken);
        c.MoveTo(CaseState.InReview, clock.GetUtcNow());
        await AddAsync(c, CaseStep.By(c, StepActions.SpecialProcedureEnded, by, clock.GetUtcNow(), note), cancellationToken);
    }

    public async Task SetDueDatesAsync(Guid caseId, DueDate promised, DueDate statutory, CancellationToken cancellationToken = default)
    {
        var c = await CaseAsync(caseId, cancellationToken);
        c.PromisedDueDate = promised.Date;
        c.PromisedDueProvisional = promised.Provisional;
        c.StatutoryDueDate = statutory.Date;
        c.StatutoryDueProvisional = statutory.Provisional;
    }

    public async Task DecideAsync(Guid caseId, bool approved, string opinion, StaffPlacement by, CancellationToken cancellationToken = default)
    {
        var c = await CaseAsync(caseId, cancellationToken);
        await decisions.DecideAsync(c, approved, opinion, by, StepActions.ApprovedInReview, clock.GetUtcNow(), cancellationToken);
    }

    public async Task AddStepAsync(Guid caseId, string action, StaffPlacement by, string note, CancellationToken cancellationToken = default)
    {
        var c = await CaseAsync(caseId, cancellationToken);
        await AddAsync(c, CaseStep.By(c, action, by, clock.GetUtcNow(), note), cancellationToken);
    }

    /// <summary>A step on the timeline, told to the applicant when it concerns them (<see cref="ApplicantNotices.Tells"/>).</summary>
    private async Task AddAsync(Case c, CaseStep step, CancellationToken ct)
    {
        db.Add(step);
        await notices.TellAsync(c, step, ct);
    }

    private async Task<Case> CaseAsync(Guid caseId, CancellationToken ct) =>
        await db.Set<Case>().FindAsync([caseId], ct) ?? throw new InvalidOperationException($"No case {caseId}.");
}
