using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Supervision.CardRules;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Supervision.Controllers;

public sealed record SweepAdminPage(IReadOnlyList<CardRule> Rules, SupervisionOptions Options, SweepResult? LastRun, string? Error, Dashboard.FactsRefreshResult? Figures = null);

/// <summary>Administrators: the yellow-card rules per item or step, and "evaluate now" (on a chosen day where allowed).</summary>
[Area(SupervisionModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/supervision")]
public sealed class SweepAdminController(CardRuleQueries rules, DeadlineSweep sweep, Dashboard.CaseFactsRefresh figures, IOptions<SupervisionOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(null, null, ct));

    [HttpPost("evaluate")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Evaluate(DateOnly? asOf, CancellationToken ct)
    {
        var today = clock.Today();
        if (asOf is not null && asOf != today && !options.Value.AllowChosenDate)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(null, l["Supervision.Sweep.ChosenDateOff"].Value, ct));
        }

        var result = await sweep.RunAsync(asOf ?? today, ct);
        return View("Index", await PageAsync(result, null, ct));
    }

    /// <summary>Recomputes the dashboard's case figures now (what the recurring job does every few minutes), or all of them.</summary>
    [HttpPost("refresh-figures")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RefreshFigures(bool full, CancellationToken ct)
    {
        var result = await figures.RefreshAsync(full, ct);
        return View("Index", await PageAsync(null, null, ct) with { Figures = result });
    }

    [HttpPost("rules")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SaveRule(
        [MaxLength(12)] string? basicCode,
        [MaxLength(100)] string? stepName,
        int? yellowPercent,
        int? yellowDaysLeft,
        [FromServices] SaveCardRule save,
        CancellationToken ct)
    {
        var error = await save.RunAsync(new CardRuleForm(basicCode, stepName, yellowPercent, yellowDaysLeft, User.Identity?.Name ?? ""), ct);
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(null, error, ct));
        }

        TempData["Flash"] = "Supervision.Rule.Saved";
        return Redirect("/admin/supervision");
    }

    [HttpPost("rules/{id:guid}/delete")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> DeleteRule(Guid id, [FromServices] DeleteCardRule delete, CancellationToken ct)
    {
        if (!await delete.RunAsync(id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "Supervision.Rule.Deleted";
        return Redirect("/admin/supervision");
    }

    private async Task<SweepAdminPage> PageAsync(SweepResult? result, string? error, CancellationToken ct) =>
        new(await rules.ListAsync(ct), options.Value, result, error);
}
