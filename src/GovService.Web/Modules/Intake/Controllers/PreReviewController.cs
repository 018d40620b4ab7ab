using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.PreReview;
using GovService.Web.Modules.Intake.WindowIntake;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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
public sealed class PreReviewController(IOrganizationDirectory organization, PreReviewQueries queries, AcceptAtWindow outcomes) : Controller
{
    private const string IntakeView = "~/Modules/Intake/Views/Window/Intake.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        if (clerk is null)
        {
            return Forbid();
        }

        ViewData["Hall"] = clerk.HallName;
        return View(await queries.WaitingAsync(clerk, ct));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Review(Guid id, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        var page = clerk is null ? null : await queries.PageAsync(id, clerk, null, ct);
        return page is null ? NotFound() : View(IntakeView, page);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Decide(Guid id, WindowIntakeForm form, [MaxLength(50)] string? outcome, CancellationToken ct)
    {
        var clerk = await organization.HallStaffAsync(User, ct);
        if (clerk is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            var page = await queries.PageAsync(id, clerk, form, ct);
            return page is null ? NotFound() : View(IntakeView, page);
        }

        var chosen = IntakeOutcomes.Parse(outcome);
        var decision = await outcomes.DecidePreReviewAsync(id, chosen, form, clerk, ct);
        if (decision.Application is null || decision.Item is null)
        {
            return NotFound();
        }

        if (decision.Result.Case is { } done)
        {
            return Redirect($"/window/cases/{done.Id}/{chosen.NoticePath()}");
        }

        foreach (var (field, message) in decision.Result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        return View(IntakeView, await queries.PageAsync(decision.Application, decision.Item, form, ct));
    }
}
