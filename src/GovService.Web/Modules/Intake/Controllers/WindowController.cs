using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.Supplying;
using GovService.Web.Modules.Intake.WindowIntake;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Intake.Controllers;

public sealed record WindowSearchPage(string? Query, IReadOnlyList<ItemChoice> Items, StaffPlacement Clerk);

public sealed record WindowIntakePage(PublishedItem Item, IReadOnlyList<PublishedMaterial> Materials, WindowIntakeForm Form, Case? Pending = null, string? PostUrl = null, bool PreReview = false)
{
    /// <summary>What the applicant uploaded online, per material.</summary>
    public IReadOnlyList<CaseFileInfo> Uploaded { get; init; } = [];

    /// <summary>免提交: materials supplied by a licence of the applicant's wallet.</summary>
    public IReadOnlyList<CaseLicenceRef> LicenceRefs { get; init; } = [];

    /// <summary>The application's form as filed online, with the catalog's labels (read, not retyped).</summary>
    public IReadOnlyList<FieldAnswer> Answers { get; init; } = [];

    /// <summary>A walk-in's: the item's fields, for the clerk to type the applicant's answers into.</summary>
    public IReadOnlyList<PublishedField> Fields { get; init; } = [];

    /// <summary>A walk-in's 变更 / 延续 / 补证 / 换证: the applicant's valid licences it may replace (null for any other item).</summary>
    public IReadOnlyList<ReplaceableLicence>? Replaceable { get; init; }

    /// <summary>What the one-time notice said of each material (by position), for the clerk to check against; never a defect of this visit.</summary>
    public IReadOnlyDictionary<int, CaseMaterial> Earlier { get; init; } = new Dictionary<int, CaseMaterial>();

    /// <summary>The days a 容缺 promise may name, shown next to the date (the rule acceptance enforces).</summary>
    public DeficiencyDueRange? DeficiencyRange { get; init; }

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
public sealed class WindowController(ICatalogDirectory catalog, IOrganizationDirectory organization, ICitizenDirectory citizens, AcceptAtWindow accept, TakeInAtWindow takeIn, WindowQueries queries, SupplyMaterials supply, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([MaxLength(200)] string? q, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        return clerk is null ? Forbid() : View(new WindowSearchPage(q, await catalog.SearchPublishedAsync(q, ct), clerk));
    }

    /// <summary>The intake form; with <paramref name="id"/> the applicant is looked up by ID number and prefilled when registered.</summary>
    [HttpGet("intake/{code}")]
    public async Task<IActionResult> Intake(string code, [MaxLength(64)] string? id, [MaxLength(50)] string? name, [MaxLength(20)] string? mobile, Guid? ticket, CancellationToken ct)
    {
        var item = await catalog.FindPublishedAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        // From a queue ticket: the name and mobile the person gave at the kiosk or desk (a registered applicant's own win below).
        var given = mobile?.Trim() ?? "";
        var form = new WindowIntakeForm { IntakeKey = Guid.CreateVersion7(), TicketId = ticket, ApplicantName = name?.Trim() ?? "", ContactMobile = MobileNumber.IsValid(given) ? given : "", Materials = (await catalog.MaterialsAsync(item.VersionId, ct)).Select(m => new MaterialCheck { Position = m.Position }).ToList() };
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
                form.ContactMobile = found.Mobile ?? form.ContactMobile;
                ViewData["Registered"] = true;
            }
            else
            {
                ViewData["Registered"] = false;
                form.RegisterApplicant = true;
            }
        }

        return View(await queries.FormPageAsync(item, form, null, ct));
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

        FormAnswers.TakeMultipleChoices(await catalog.FieldsAsync(item.VersionId, ct), Request.Form, form.Fields);
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

        return View(await queries.FormPageAsync(item, form, null, ct));
    }

    /// <summary>
    /// The applicant is back with what a one-time notice asked for: any comprehensive window continues the
    /// same application by its number (无差别受理), counting one more visit.
    /// </summary>
    [HttpGet("continue")]
    public async Task<IActionResult> Continue([MaxLength(64)] string? number, CancellationToken ct)
    {
        var back = await queries.ReturnAsync((number ?? "").Trim(), ct);
        if (back.Deficiency is { } deficient)
        {
            return View("Deficiency", deficient);
        }

        if (back.ItemGone)
        {
            return NotFound();
        }

        if (back.Intake is not { } page)
        {
            TempData["Flash"] = "Window.NoPending";
            return RedirectToAction(nameof(Index));
        }

        return View("Intake", page);
    }

    [HttpPost("continue/{id:guid}")]
    public async Task<IActionResult> Continue(Guid id, WindowIntakeForm form, [MaxLength(50)] string? outcome, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        if (clerk is null)
        {
            return Forbid();
        }

        if (await queries.ReturningItemAsync(id, ct) is { } returning)
        {
            FormAnswers.TakeMultipleChoices(await catalog.FieldsAsync(returning.VersionId, ct), Request.Form, form.Fields);
        }

        if (!ModelState.IsValid)
        {
            var page = await queries.ContinuePageAsync(id, form, ct);
            return page is null ? NotFound() : View("Intake", page);
        }

        var decision = await accept.ContinueAsync(id, IntakeOutcomes.Parse(outcome), form, clerk, ct);
        if (decision.Application is null || decision.Item is null)
        {
            return NotFound();
        }

        if (decision.Result.Case is { } done)
        {
            return RedirectToAction(nameof(AcceptanceNotice), new { id = done.Id });
        }

        foreach (var (field, message) in decision.Result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        return View("Intake", await queries.FormPageAsync(decision.Item, form, decision.Application, ct));
    }

    /// <summary>
    /// 容缺受理 kept: the applicant hands in the promised materials at any comprehensive window before the due
    /// date. Every owed material must be on the counter; the case becomes a plain acceptance (one more visit).
    /// </summary>
    [HttpPost("deficiency/{number}")]
    public async Task<IActionResult> Deficiency(string number, [FromForm] int[] supplied, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        var result = clerk is null ? null : await supply.AtWindowAsync(number, supplied, clerk, ct);
        if (result?.Case is not { } found)
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Deficiency", new DeficiencyPage(found, result.Owed));
        }

        // The case stays with the hall that accepted it; this window just took the materials in.
        TempData["Flash"] = "Window.DeficiencyDone";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>受理通知书, printable on A4; only for staff of the hall that accepted the case.</summary>
    [HttpGet("cases/{id:guid}/acceptance-notice")]
    public Task<IActionResult> AcceptanceNotice(Guid id, CancellationToken ct) => NoticeAsync(id, null, withMaterials: true, ct);

    /// <summary>补正告知书: every missing or defective material with its reason, printable; staff of the hall only.</summary>
    [HttpGet("cases/{id:guid}/supplement-notice")]
    public Task<IActionResult> SupplementNotice(Guid id, CancellationToken ct) => NoticeAsync(id, CaseState.SupplementRequested, withMaterials: true, ct);

    /// <summary>不予受理通知书 with reason, legal basis and the applicant's remedies; staff of the hall only.</summary>
    [HttpGet("cases/{id:guid}/refusal-notice")]
    public Task<IActionResult> RefusalNotice(Guid id, CancellationToken ct) => NoticeAsync(id, CaseState.NotAccepted, withMaterials: false, ct);

    private async Task<IActionResult> NoticeAsync(Guid id, CaseState? state, bool withMaterials, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        var page = clerk is null ? null : await queries.NoticeAsync(id, clerk, state, withMaterials, ct);
        return page is null ? NotFound() : View(page);
    }
}
