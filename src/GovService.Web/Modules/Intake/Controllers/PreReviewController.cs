using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.WindowIntake;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Controllers;

public sealed record PreReviewRow(Case Case, int WorkingDaysWaiting, bool Overdue);

/// <summary>
/// 网上预审: clerks of the responsible hall decide submitted online applications with the same four outcomes
/// as the window (no visit counted). An application waiting more than 5 working days is flagged
/// (行政许可法 art. 32: otherwise it counts as accepted).
/// </summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = $"{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("window/prereview")]
public sealed class PreReviewController(GovDbContext db, ICatalogDirectory catalog, IOrganizationDirectory organization, IWorkingCalendarProvider calendars, TimeProvider clock, AcceptAtWindow outcomes, MaterialFiles files) : Controller
{
    public const int WorkingDaysLimit = 5;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        if (clerk is null)
        {
            return Forbid();
        }

        var calendar = await calendars.GetAsync(ct);
        var today = clock.Today();
        var waiting = await db.Set<Case>().AsNoTracking()
            .Where(c => c.HallId == clerk.HallId && c.State == CaseState.Submitted && c.SubmittedAt != null)
            .OrderBy(c => c.SubmittedAt)
            .ToListAsync(ct);
        var rows = waiting.Select(c =>
        {
            var days = calendar.CountWorkingDays(DateOnly.FromDateTime(c.SubmittedAt!.Value.ToChinaTime()), today).WorkingDays;
            return new PreReviewRow(c, days, days > WorkingDaysLimit);
        }).ToList();
        ViewData["Hall"] = clerk.HallName;
        return View(rows);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Review(Guid id, CancellationToken ct)
    {
        var (clerk, application, item) = await LoadAsync(id, ct);
        if (clerk is null || application is null || item is null)
        {
            return NotFound();
        }

        var materials = await catalog.MaterialsAsync(item.VersionId, ct);
        var uploaded = await files.CurrentAsync(application.Id, ct);
        var refs = await db.Set<CaseLicenceRef>().AsNoTracking().Where(r => r.CaseId == application.Id).ToListAsync(ct);
        var form = new WindowIntakeForm
        {
            ApplicantName = application.ApplicantName,
            ApplicantIdNumber = application.ApplicantIdNumber,
            ContactMobile = application.ContactMobile,
            Materials = materials.Select(m => new MaterialCheck { Position = m.Position, Received = uploaded.Any(u => u.Position == m.Position) || refs.Any(r => r.Position == m.Position) }).ToList(),
        };
        return View("~/Modules/Intake/Views/Window/Intake.cshtml", new WindowIntakePage(item, materials, form, application, $"/window/prereview/{id}", PreReview: true) { Uploaded = uploaded, LicenceRefs = refs });
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Decide(Guid id, WindowIntakeForm form, [MaxLength(50)] string? outcome, CancellationToken ct)
    {
        var (clerk, application, item) = await LoadAsync(id, ct, tracked: true);
        if (clerk is null || application is null || item is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var chosen = IntakeOutcomes.Parse(outcome);
            var result = await outcomes.DecideAsync(chosen, item, form, clerk, ct, application, inPerson: false);
            if (result.Case is { } done)
            {
                return Redirect($"/window/cases/{done.Id}/{chosen.NoticePath()}");
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return View("~/Modules/Intake/Views/Window/Intake.cshtml", new WindowIntakePage(item, await catalog.MaterialsAsync(item.VersionId, ct), form, application, $"/window/prereview/{id}", PreReview: true) { Uploaded = await files.CurrentAsync(application.Id, ct), LicenceRefs = await db.Set<CaseLicenceRef>().AsNoTracking().Where(r => r.CaseId == application.Id).ToListAsync(ct) });
    }

    private async Task<(StaffPlacement? Clerk, Case? Application, PublishedItem? Item)> LoadAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        if (clerk is null)
        {
            return (null, null, null);
        }

        var cases = tracked ? db.Set<Case>() : db.Set<Case>().AsNoTracking();
        var application = await cases.FirstOrDefaultAsync(c => c.Id == id && c.HallId == clerk.HallId && c.State == CaseState.Submitted, ct);
        var item = application is null ? null : await catalog.FindPublishedAsync(application.BasicCode, ct);
        return (clerk, application, item);
    }

}
