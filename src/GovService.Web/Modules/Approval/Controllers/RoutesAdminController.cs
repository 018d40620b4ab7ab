using System.ComponentModel.DataAnnotations;
using FluentValidation;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Controllers;

public sealed class StepRow
{
    public int Stage { get; set; }
    public StageMode Mode { get; set; } = StageMode.One;
    public string Name { get; set; } = "";
    public Guid DepartmentId { get; set; }
    public int LimitWorkingDays { get; set; }
    public bool Decides { get; set; }
    public bool ChiefMayDecide { get; set; }
}

/// <summary>A step's name is kept in a 100-character column.</summary>
internal sealed class StepRowValidator : AbstractValidator<StepRow>
{
    public StepRowValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(r => r.Name).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
}

/// <summary>The rows as the action takes them (the validation filter finds a validator by the argument's type).</summary>
internal sealed class StepRowsValidator : AbstractValidator<List<StepRow>>
{
    public StepRowsValidator(IStringLocalizer<SharedResource> l) =>
        RuleForEach(rows => rows).SetValidator(new StepRowValidator(l)).OverridePropertyName("rows");
}

public sealed record RoutesPage(IReadOnlyList<RouteTemplate> Templates, IReadOnlyList<ItemChoice> Items, IReadOnlyList<DepartmentInfo> Departments, string? Query);

public sealed record RouteEditPage(PublishedItem Item, IReadOnlyList<RouteTemplate> History, List<StepRow> Rows, IReadOnlyList<DepartmentInfo> Departments);

/// <summary>
/// 审批流程 maintained by administrators: ordered stages, parallel steps (会签 / 或签), departments, step
/// limits and the deciding step. Saving makes a new version; routed cases keep the steps they were given.
/// </summary>
[Area(ApprovalModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/routes")]
public sealed class RoutesAdminController(GovDbContext db, ICatalogDirectory catalog, IOrganizationDirectory organization, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([MaxLength(200)] string? q, CancellationToken ct) =>
        View(new RoutesPage(
            await db.Set<RouteTemplate>().AsNoTracking().Include(t => t.Steps).Where(t => t.IsCurrent).OrderBy(t => t.BasicCode).ToListAsync(ct),
            await catalog.SearchPublishedAsync(q, ct),
            await organization.DepartmentsAsync(ct),
            q));

    [HttpGet("{code}")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct)
    {
        var item = await catalog.FindPublishedAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        var history = await HistoryAsync(code, ct);
        var rows = history.FirstOrDefault(t => t.IsCurrent)?.Steps.OrderBy(s => s.Stage).Select(s => new StepRow
        {
            Stage = s.Stage, Mode = s.Mode, Name = s.Name, DepartmentId = s.DepartmentId, LimitWorkingDays = s.LimitWorkingDays, Decides = s.Decides, ChiefMayDecide = s.ChiefMayDecide,
        }).ToList() ?? [new StepRow { Stage = 1, Name = "审查决定", DepartmentId = item.DepartmentId, LimitWorkingDays = Math.Max(1, item.PromisedLimit), Decides = true }];
        return View(new RouteEditPage(item, history, Pad(rows), await organization.DepartmentsAsync(ct)));
    }

    [HttpPost("{code}")]
    public async Task<IActionResult> Save(string code, List<StepRow> rows, CancellationToken ct)
    {
        var item = await catalog.FindPublishedAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        var departments = await organization.DepartmentsAsync(ct);
        var steps = rows.Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToList();
        foreach (var problem in Problems(steps, departments, item))
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new RouteEditPage(item, await HistoryAsync(code, ct), Pad(rows), departments));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await db.Set<RouteTemplate>().Where(t => t.BasicCode == code).ToListAsync(ct);
        foreach (var old in current)
        {
            old.IsCurrent = false;
        }

        await db.SaveChangesAsync(ct);
        db.Add(new RouteTemplate
        {
            BasicCode = code,
            Version = current.Count == 0 ? 1 : current.Max(t => t.Version) + 1,
            IsCurrent = true,
            CreatedAt = clock.GetUtcNow().ToUniversalTime(),
            CreatedBy = User.Identity?.Name ?? "",
            Steps = steps.Select(s => new RouteStep { Stage = s.Stage, Mode = s.Mode, Name = s.Name.Trim(), DepartmentId = s.DepartmentId, LimitWorkingDays = s.LimitWorkingDays, Decides = s.Decides, ChiefMayDecide = s.ChiefMayDecide }).ToList(),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = "Routes.Saved";
        return Redirect($"/admin/routes/{code}");
    }

    /// <summary>Every problem at once: stages, departments, limits, exactly one deciding step in the last stage, and the promise.</summary>
    private List<string> Problems(List<StepRow> steps, IReadOnlyList<DepartmentInfo> departments, PublishedItem item)
    {
        var problems = new List<string>();
        if (steps.Count == 0)
        {
            problems.Add(l["Routes.NoSteps"]);
            return problems;
        }

        foreach (var step in steps)
        {
            if (step.Stage < 1 || step.LimitWorkingDays < 1 || step.Name.Trim().Length > 100)
            {
                problems.Add(l["Routes.StepInvalid", step.Name]);
            }

            if (departments.All(d => d.Id != step.DepartmentId))
            {
                problems.Add(l["Routes.NoDepartment", step.Name]);
            }
        }

        var last = steps.Max(s => s.Stage);
        if (steps.Count(s => s.Decides) != 1 || steps.Single(s => s.Decides) is var decision && decision.Stage != last || steps.Count(s => s.Stage == last) != 1)
        {
            problems.Add(l["Routes.OneDecision"]);
        }

        foreach (var stage in steps.GroupBy(s => s.Stage).Where(g => g.Count() > 1 && g.Any(s => s.Mode == StageMode.One)))
        {
            problems.Add(l["Routes.ParallelMode", stage.Key]);
        }

        var longest = steps.GroupBy(s => s.Stage).Sum(g => g.Max(s => s.LimitWorkingDays));
        if (item.PromisedInWorkingDays && longest > item.PromisedLimit)
        {
            problems.Add(l["Routes.OverPromise", longest, item.PromisedLimit]);
        }

        return problems;
    }

    private Task<List<RouteTemplate>> HistoryAsync(string code, CancellationToken ct) =>
        db.Set<RouteTemplate>().AsNoTracking().Include(t => t.Steps).Where(t => t.BasicCode == code).OrderByDescending(t => t.Version).ToListAsync(ct);

    private static List<StepRow> Pad(List<StepRow> rows) => [.. rows, .. Enumerable.Range(0, Math.Max(0, 6 - rows.Count)).Select(_ => new StepRow())];
}
