using GovService.Web.Modules.Intake.Decisions;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Intake.Controllers;

/// <summary>
/// The written decision of a case of the clerk's hall (准予 / 不予行政许可决定书), printed or downloaded at the window
/// to hand to the applicant with the result; another hall's case answers like none.
/// </summary>
[Area(IntakeModule.Name)]
[Authorize(Roles = $"{Roles.Clerk},{Roles.ChiefRepresentative}")]
[Route("window/cases")]
public sealed class WindowDecisionsController(IOrganizationDirectory organization, DecisionDocuments decisions, ILogger<WindowDecisionsController> logger) : Controller
{
    [HttpGet("{id:guid}/decision")]
    public async Task<IActionResult> Decision(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } decision
            ? View(DecisionDocuments.View, new DecisionPage(decision, "/window", "Window.Next", $"/window/cases/{id}/decision/pdf"))
            : NotFound();

    [HttpGet("{id:guid}/decision/pdf")]
    public async Task<IActionResult> DecisionPdf(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } decision ? Decisions.DecisionPdf.Download(this, decision, logger) : NotFound();

    private async Task<DecisionText?> FindAsync(Guid id, CancellationToken ct) =>
        await organization.HallStaffAsync(User, ct) is { } staff ? await decisions.ForHallAsync(id, staff, ct) : null;
}
