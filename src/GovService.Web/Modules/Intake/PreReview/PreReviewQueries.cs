using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Controllers;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.WindowIntake;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.PreReview;

/// <summary>网上预审 as read: the hall's queue with the working days each application has waited, and one application on the intake form.</summary>
public sealed class PreReviewQueries(GovDbContext db, ICatalogDirectory catalog, IWorkingCalendarProvider calendars, MaterialFiles files, WindowQueries window, TimeProvider clock)
{
    /// <summary>An application waiting longer than this many working days is flagged (行政许可法 art. 32: otherwise it counts as accepted).</summary>
    public const int WorkingDaysLimit = 5;

    public async Task<List<PreReviewRow>> WaitingAsync(StaffPlacement clerk, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var today = clock.Today();
        var waiting = await db.Set<Case>().AsNoTracking()
            .Where(Case.AtPreReview(clerk.HallId)).Where(c => c.SubmittedAt != null)
            .OrderBy(c => c.SubmittedAt)
            .ToListAsync(ct);
        return waiting.Select(c =>
        {
            var days = calendar.CountWorkingDays(DateOnly.FromDateTime(c.SubmittedAt!.Value.ToChinaTime()), today).WorkingDays;
            return new PreReviewRow(c, days, days > WorkingDaysLimit);
        }).ToList();
    }

    /// <summary>
    /// The application on the intake form: with <paramref name="posted"/> null, every material ticked that was uploaded
    /// or stood for by a licence (免提交); else the form as posted, shown again with its messages. Null when the hall has
    /// no such application waiting, or its item is no longer published.
    /// </summary>
    public async Task<WindowIntakePage?> PageAsync(Guid id, StaffPlacement clerk, WindowIntakeForm? posted, CancellationToken ct)
    {
        var application = await db.Set<Case>().AsNoTracking().Where(Case.AtPreReview(clerk.HallId)).FirstOrDefaultAsync(c => c.Id == id, ct);
        var item = application is null ? null : await catalog.FindPublishedAsync(application.BasicCode, ct);
        return application is null || item is null ? null : await PageAsync(application, item, posted, ct);
    }

    /// <summary>The form for <paramref name="application"/> decided under <paramref name="item"/> (as posted, or ticked from the uploads when null).</summary>
    public async Task<WindowIntakePage> PageAsync(Case application, PublishedItem item, WindowIntakeForm? posted, CancellationToken ct)
    {
        var id = application.Id;
        var materials = await catalog.MaterialsAsync(item.VersionId, ct);
        var uploaded = await files.CurrentAsync(application.Id, ct);
        var refs = await db.Set<CaseLicenceRef>().AsNoTracking().Where(r => r.CaseId == application.Id).ToListAsync(ct);
        var form = posted ?? new WindowIntakeForm
        {
            ApplicantName = application.ApplicantName,
            ApplicantIdNumber = application.ApplicantIdNumber,
            ContactMobile = application.ContactMobile,
            Materials = materials.Select(m => new MaterialCheck { Position = m.Position, Received = uploaded.Any(u => u.Position == m.Position) || refs.Any(r => r.Position == m.Position) }).ToList(),
        };
        return (await window.FormPageAsync(item, form, application, ct)) with { PostUrl = $"/window/prereview/{id}", PreReview = true, Uploaded = uploaded, LicenceRefs = refs };
    }
}
