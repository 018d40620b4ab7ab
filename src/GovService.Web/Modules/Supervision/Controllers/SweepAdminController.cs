using System.ComponentModel.DataAnnotations;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Supervision.Controllers;

public sealed record SweepAdminPage(IReadOnlyList<CardRule> Rules, SupervisionOptions Options, SweepResult? LastRun, string? Error, Dashboard.FactsRefreshResult? Figures = null);

/// <summary>Administrators: the yellow-card rules per item or step, and "evaluate now" (on a chosen day where allowed).</summary>
[Area(SupervisionModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/supervision")]
public sealed class SweepAdminController(GovDbContext db, DeadlineSweep sweep, Dashboard.CaseFactsRefresh figures, IOptions<SupervisionOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
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
    public async Task<IActionResult> SaveRule([MaxLength(12)] string? basicCode, [MaxLength(100)] string? stepName, int? yellowPercent, int? yellowDaysLeft, CancellationToken ct)
    {
        var code = (basicCode ?? "").Trim();
        var step = (stepName ?? "").Trim();
        string? error = null;
        if (code.Length != 12 || !code.All(char.IsAsciiDigit))
        {
            error = l["Supervision.Rule.BadCode"].Value;
        }
        else if (yellowPercent is null && yellowDaysLeft is null)
        {
            error = l["Supervision.Rule.NeedOne"].Value;
        }
        else if (yellowPercent is < 1 or > 100 || yellowDaysLeft is < 0 or > 60 || step.Length > 100)
        {
            error = l["Supervision.Rule.OutOfRange"].Value;
        }

        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(null, error, ct));
        }

        var rule = await db.Set<CardRule>().FirstOrDefaultAsync(r => r.BasicCode == code && r.StepName == step, ct) ?? db.Add(new CardRule { BasicCode = code, StepName = step }).Entity;
        rule.YellowPercent = yellowPercent;
        rule.YellowDaysLeft = yellowDaysLeft;
        rule.UpdatedBy = User.Identity?.Name ?? "";
        rule.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Supervision.Rule.Saved";
        return Redirect("/admin/supervision");
    }

    [HttpPost("rules/{id:guid}/delete")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> DeleteRule(Guid id, CancellationToken ct)
    {
        var deleted = await db.Set<CardRule>().Where(r => r.Id == id).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return NotFound();
        }

        TempData["Flash"] = "Supervision.Rule.Deleted";
        return Redirect("/admin/supervision");
    }

    private async Task<SweepAdminPage> PageAsync(SweepResult? result, string? error, CancellationToken ct) =>
        new(await db.Set<CardRule>().AsNoTracking().OrderBy(r => r.BasicCode).ThenBy(r => r.StepName).ToListAsync(ct), options.Value, result, error);
}
