using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Controllers;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.WindowIntake;

/// <summary>What the window finds for a case number the applicant brings back: a 容缺 case to complete, an application to continue, or nothing.</summary>
public sealed record ReturnAtWindow(DeficiencyPage? Deficiency, WindowIntakePage? Intake, bool ItemGone)
{
    public static readonly ReturnAtWindow Nothing = new(null, null, false);
}

/// <summary>The window's pages as read: an applicant back with a case number, and the printed notices.</summary>
public sealed class WindowQueries(GovDbContext db, ICatalogDirectory catalog, IntakeDeadlines deadlines, CaseAnswers answers, ApplicantLicences applicantLicences)
{
    /// <summary>
    /// The case with <paramref name="number"/> as the applicant brings it back: an application after a one-time notice
    /// (the intake form prefilled with the applicant and the materials received before, under today's version of the
    /// item; what the notice said of the others is shown beside them, not typed into this visit's defects, so ticking a
    /// material handed in now is enough), else a 容缺 case with the materials it still owes.
    /// </summary>
    public async Task<ReturnAtWindow> ReturnAsync(string number, CancellationToken ct)
    {
        var pending = await db.Set<Case>().AsNoTracking().Where(Case.BackAfterNotice).FirstOrDefaultAsync(c => c.Number == number, ct);
        if (pending is null)
        {
            var deficient = await db.Set<Case>().AsNoTracking().Where(c => c.State == CaseState.AcceptedWithDeficiency && c.Number == number).FirstOrDefaultAsync(ct);
            if (deficient is null)
            {
                return ReturnAtWindow.Nothing;
            }

            var owed = await MaterialsAsync(deficient.Id, ct);
            return new ReturnAtWindow(new DeficiencyPage(deficient, owed.Where(m => m.Owed(deficient.State)).ToList()), null, false);
        }

        var item = await catalog.FindPublishedAsync(pending.BasicCode, ct);
        if (item is null)
        {
            return new ReturnAtWindow(null, null, true);
        }

        var previous = await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == pending.Id).ToDictionaryAsync(m => m.Name, ct);
        var materials = await catalog.MaterialsAsync(item.VersionId, ct);
        var form = new WindowIntakeForm
        {
            ApplicantName = pending.ApplicantName,
            ApplicantIdNumber = pending.ApplicantIdNumber,
            ContactMobile = pending.ContactMobile,
            Materials = materials.Select(m => new MaterialCheck { Position = m.Position, Received = previous.GetValueOrDefault(m.Name) is { Received: true, Defect: "" } }).ToList(),
            Fields = new Dictionary<string, string>(pending.FormData),
        };
        if (pending.ReplacesLicenceId is { } replaced)
        {
            form.Replaces[pending.BasicCode] = replaced;
        }

        return new ReturnAtWindow(null, await FormPageAsync(item, form, pending, ct), false);
    }

    /// <summary>The intake form posted for an application back after a one-time notice, shown again with its messages.</summary>
    public async Task<WindowIntakePage?> ContinuePageAsync(Guid id, WindowIntakeForm form, CancellationToken ct)
    {
        var pending = await db.Set<Case>().AsNoTracking().Where(Case.BackAfterNotice).FirstOrDefaultAsync(c => c.Id == id, ct);
        var item = pending is null ? null : await catalog.FindPublishedAsync(pending.BasicCode, ct);
        return pending is null || item is null ? null : await FormPageAsync(item, form, pending, ct);
    }

    /// <summary>
    /// The intake form of <paramref name="item"/> (for a walk-in, or for <paramref name="pending"/> taken up again), new or
    /// as posted with its messages: with the 容缺 range of today, and for an application taken up again its answers and
    /// what an earlier notice said of its materials.
    /// </summary>
    public async Task<WindowIntakePage> FormPageAsync(PublishedItem item, WindowIntakeForm form, Case? pending, CancellationToken ct)
    {
        var materials = await catalog.MaterialsAsync(item.VersionId, ct);
        var earlier = pending is null ? [] : await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == pending.Id && m.Defect != "").ToListAsync(ct);
        var typedHere = pending is null || pending.AnsweredAtWindow;
        return new WindowIntakePage(item, materials, form, pending)
        {
            DeficiencyRange = materials.Any(m => m.DeficiencyAllowed) ? await deadlines.DeficiencyRangeAsync(item, ct) : null,
            Answers = typedHere ? [] : await answers.ForAsync(pending!, ct),
            Fields = typedHere ? await catalog.FieldsAsync(item.VersionId, ct) : [],
            Replaceable = typedHere && item.BusinessKind.Supersedes() ? await applicantLicences.ReplaceableAsync(item, form.ApplicantIdNumber, pending, ct) : null,
            Earlier = materials.Select(m => (m.Position, Material: earlier.FirstOrDefault(e => e.Name == m.Name))).Where(x => x.Material is not null).ToDictionary(x => x.Position, x => x.Material!),
        };
    }

    /// <summary>The item of an application back after a one-time notice (null when there is none, or its item is retired).</summary>
    public async Task<PublishedItem?> ReturningItemAsync(Guid id, CancellationToken ct) =>
        await db.Set<Case>().AsNoTracking().Where(Case.BackAfterNotice).Where(c => c.Id == id).Select(c => c.BasicCode).FirstOrDefaultAsync(ct) is { } code
            ? await catalog.FindPublishedAsync(code, ct)
            : null;

    /// <summary>A notice of a case of the clerk's hall (in <paramref name="state"/> when given), with its materials when <paramref name="withMaterials"/>.</summary>
    public async Task<AcceptanceNoticePage?> NoticeAsync(Guid id, StaffPlacement clerk, CaseState? state, bool withMaterials, CancellationToken ct)
    {
        var found = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.HallId == clerk.HallId && (state == null || c.State == state), ct);
        return found is null ? null : new AcceptanceNoticePage(found, withMaterials ? await MaterialsAsync(id, ct) : [], clerk);
    }

    private Task<List<CaseMaterial>> MaterialsAsync(Guid caseId, CancellationToken ct) =>
        db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Position).ToListAsync(ct);
}
