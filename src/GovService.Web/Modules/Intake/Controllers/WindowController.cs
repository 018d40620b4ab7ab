using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.WindowIntake;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Controllers;

public sealed record WindowSearchPage(string? Query, IReadOnlyList<ItemChoice> Items, StaffPlacement Clerk);

public sealed record WindowIntakePage(PublishedItem Item, IReadOnlyList<PublishedMaterial> Materials, WindowIntakeForm Form, Case? Pending = null, string? PostUrl = null, bool PreReview = false)
{
    /// <summary>What the applicant uploaded online, per material.</summary>
    public IReadOnlyList<CaseFileInfo> Uploaded { get; init; } = [];

    /// <summary>免提交: materials supplied by a licence of the applicant's wallet.</summary>
    public IReadOnlyList<CaseLicenceRef> LicenceRefs { get; init; } = [];

    public string Action => PostUrl ?? (Pending is null ? $"/window/intake/{Item.BasicCode}" : $"/window/continue/{Pending.Id}");

    /// <summary>Back after a one-time notice: only acceptance is offered (a second notice needs a supervisor).</summary>
    public bool IsReturn => Pending is not null && !PreReview;
}

public sealed record DeficiencyPage(Case Case, IReadOnlyList<CaseMaterial> Owed);

public sealed record AcceptanceNoticePage(Case Case, IReadOnlyList<CaseMaterial> Materials, StaffPlacement Clerk)
{
    /// <summary>Where the notice's back button leads: the next applicant at the window, or the citizen's case.</summary>
    public string BackUrl { get; init; } = "/window";
}

/// <summary>综合窗口: a clerk takes in any item for a walk-in applicant (无差别受理) and prints the notice.</summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = $"{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("window")]
public sealed class WindowController(GovDbContext db, ICatalogDirectory catalog, IOrganizationDirectory organization, ICitizenDirectory citizens, AcceptAtWindow accept, TakeInAtWindow takeIn, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([MaxLength(200)] string? q, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        return clerk is null ? Forbid() : View(new WindowSearchPage(q, await catalog.SearchPublishedAsync(q, ct), clerk));
    }

    /// <summary>The intake form; with <paramref name="id"/> the applicant is looked up by ID number and prefilled when registered.</summary>
    [HttpGet("intake/{code}")]
    public async Task<IActionResult> Intake(string code, [MaxLength(64)] string? id, CancellationToken ct)
    {
        var item = await catalog.FindPublishedAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        var materials = await catalog.MaterialsAsync(item.VersionId, ct);
        var form = new WindowIntakeForm { IntakeKey = Guid.CreateVersion7(), Materials = materials.Select(m => new MaterialCheck { Position = m.Position }).ToList() };
        if (!string.IsNullOrWhiteSpace(id))
        {
            form.ApplicantIdNumber = id.Trim().ToUpperInvariant();
            var problem = ChineseIdNumber.Check(form.ApplicantIdNumber, clock.Today());
            if (problem != IdNumberProblem.None)
            {
                ModelState.AddModelError(nameof(form.ApplicantIdNumber), l[$"IdNumber.{problem}"]);
            }
            else if (await citizens.FindByIdNumberAsync(form.ApplicantIdNumber, ct) is { } found)
            {
                form.ApplicantName = found.RealName;
                form.ContactMobile = found.Mobile ?? "";
                ViewData["Registered"] = true;
            }
            else
            {
                ViewData["Registered"] = false;
                form.RegisterApplicant = true;
            }
        }

        return View(new WindowIntakePage(item, materials, form));
    }

    [HttpPost("intake/{code}")]
    public async Task<IActionResult> Intake(string code, WindowIntakeForm form, [MaxLength(50)] string? outcome, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        var item = await catalog.FindPublishedAsync(code, ct);
        if (clerk is null)
        {
            return Forbid();
        }

        if (item is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await takeIn.HandleAsync(item, form, IntakeOutcomes.Parse(outcome), clerk, ct);
            if (result.Case is { } done)
            {
                if (result.Repeated)
                {
                    TempData["Flash"] = "Window.AlreadyTakenIn";
                }

                return Redirect($"/window/cases/{done.Id}/{done.NoticePath()}");
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return View(new WindowIntakePage(item, await catalog.MaterialsAsync(item.VersionId, ct), form));
    }

    /// <summary>
    /// The applicant is back with what a one-time notice asked for: any comprehensive window continues the
    /// same application by its number (无差别受理), counting one more visit.
    /// </summary>
    [HttpGet("continue")]
    public async Task<IActionResult> Continue([MaxLength(64)] string? number, CancellationToken ct)
    {
        number = (number ?? "").Trim();
        var pending = await PendingAsync(c => c.Number == number, ct);
        var deficient = pending is null ? await Deficient(number).FirstOrDefaultAsync(ct) : null;
        if (deficient is not null)
        {
            var owed = await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == deficient.Id).OrderBy(m => m.Position).ToListAsync(ct);
            return View("Deficiency", new DeficiencyPage(deficient, owed.Where(m => m.Owed(deficient.State)).ToList()));
        }

        if (pending is null)
        {
            TempData["Flash"] = "Window.NoPending";
            return RedirectToAction(nameof(Index));
        }

        var item = await catalog.FindPublishedAsync(pending.BasicCode, ct);
        if (item is null)
        {
            return NotFound();
        }

        var previous = await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == pending.Id).ToDictionaryAsync(m => m.Name, ct);
        var materials = await catalog.MaterialsAsync(item.VersionId, ct);
        var form = new WindowIntakeForm
        {
            ApplicantName = pending.ApplicantName,
            ApplicantIdNumber = pending.ApplicantIdNumber,
            ContactMobile = pending.ContactMobile,
            Materials = materials.Select(m => new MaterialCheck { Position = m.Position, Received = previous.GetValueOrDefault(m.Name)?.Received == true, Defect = previous.GetValueOrDefault(m.Name)?.Defect ?? "" }).ToList(),
        };
        return View("Intake", new WindowIntakePage(item, materials, form, pending));
    }

    [HttpPost("continue/{id:guid}")]
    public async Task<IActionResult> Continue(Guid id, WindowIntakeForm form, [MaxLength(50)] string? outcome, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        var pending = await PendingAsync(c => c.Id == id, ct, tracked: true);
        if (clerk is null)
        {
            return Forbid();
        }

        var item = pending is null ? null : await catalog.FindPublishedAsync(pending.BasicCode, ct);
        if (pending is null || item is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            // Back after a one-time notice only acceptance is offered (a second notice needs a supervisor).
            var chosen = IntakeOutcomes.Parse(outcome) == IntakeOutcome.AcceptWithDeficiency ? IntakeOutcome.AcceptWithDeficiency : IntakeOutcome.Accept;
            var result = await accept.DecideAsync(chosen, item, form, clerk, ct, pending);
            if (result.Case is { } done)
            {
                return RedirectToAction(nameof(AcceptanceNotice), new { id = done.Id });
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return View("Intake", new WindowIntakePage(item, await catalog.MaterialsAsync(item.VersionId, ct), form, pending));
    }

    /// <summary>
    /// 容缺受理 kept: the applicant hands in the promised materials at any comprehensive window before the due
    /// date. Every owed material must be on the counter; the case becomes a plain acceptance (one more visit).
    /// </summary>
    [HttpPost("deficiency/{number}")]
    public async Task<IActionResult> Deficiency(string number, [FromForm] int[] supplied, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        var found = clerk is null ? null : await db.Set<Case>().Where(c => c.State == CaseState.AcceptedWithDeficiency && c.Number == number).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return NotFound();
        }

        var materials = await db.Set<CaseMaterial>().Where(m => m.CaseId == found.Id).ToListAsync(ct);
        var owed = materials.Where(m => m.Owed(found.State)).ToList();
        if (owed.Any(m => !supplied.Contains(m.Position)))
        {
            ModelState.AddModelError(string.Empty, l["Window.DeficiencyAllNeeded", string.Join("、", owed.Where(m => !supplied.Contains(m.Position)).Select(m => m.Name))]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Deficiency", new DeficiencyPage(found, owed));
        }

        var now = clock.GetUtcNow();
        foreach (var m in owed)
        {
            m.Received = true;
            m.SuppliedAt = now;
        }

        found.Visits++;
        found.MoveTo(found.ReviewStartedAt is null ? CaseState.Accepted : CaseState.InReview, now);
        db.Add(CaseStep.By(found, StepActions.DeficiencySupplied, clerk!, now, string.Join("、", owed.Select(m => m.Name))));
        await db.SaveChangesAsync(ct);
        // The case stays with the hall that accepted it; this window just took the materials in.
        TempData["Flash"] = "Window.DeficiencyDone";
        return RedirectToAction(nameof(Index));
    }

    private IQueryable<Case> Deficient(string number) =>
        db.Set<Case>().AsNoTracking().Where(c => c.State == CaseState.AcceptedWithDeficiency && c.Number == number);

    private Task<Case?> PendingAsync(System.Linq.Expressions.Expression<Func<Case, bool>> match, CancellationToken ct, bool tracked = false)
    {
        var cases = tracked ? db.Set<Case>() : db.Set<Case>().AsNoTracking();
        return cases.Where(c => c.State == CaseState.SupplementRequested && c.AcceptedAt == null).FirstOrDefaultAsync(match, ct);
    }

    /// <summary>受理通知书, printable on A4; only for staff of the hall that accepted the case.</summary>
    [HttpGet("cases/{id:guid}/acceptance-notice")]
    public async Task<IActionResult> AcceptanceNotice(Guid id, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        var found = clerk is null ? null : await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.HallId == clerk.HallId, ct);
        if (found is null)
        {
            return NotFound();
        }

        var materials = await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.Position).ToListAsync(ct);
        return View(new AcceptanceNoticePage(found, materials, clerk!));
    }

    /// <summary>补正告知书: every missing or defective material with its reason, printable; staff of the hall only.</summary>
    [HttpGet("cases/{id:guid}/supplement-notice")]
    public async Task<IActionResult> SupplementNotice(Guid id, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        var found = clerk is null ? null : await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.HallId == clerk.HallId && c.State == CaseState.SupplementRequested, ct);
        if (found is null)
        {
            return NotFound();
        }

        var materials = await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.Position).ToListAsync(ct);
        return View(new AcceptanceNoticePage(found, materials, clerk!));
    }

    /// <summary>不予受理通知书 with reason, legal basis and the applicant's remedies; staff of the hall only.</summary>
    [HttpGet("cases/{id:guid}/refusal-notice")]
    public async Task<IActionResult> RefusalNotice(Guid id, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        var found = clerk is null ? null : await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.HallId == clerk.HallId && c.State == CaseState.NotAccepted, ct);
        return found is null ? NotFound() : View(new AcceptanceNoticePage(found, [], clerk!));
    }

}
