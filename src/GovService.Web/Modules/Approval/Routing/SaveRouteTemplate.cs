using FluentValidation;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Approval.Routing;

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

/// <param name="FieldsValid">Whether the form's own bounds held; when not, the problems are still listed but nothing is saved.</param>
public sealed record SaveRouteRequest(string Code, PublishedItem Item, IReadOnlyList<StepRow> Rows, string By, bool FieldsValid);

/// <summary>
/// Saves an item's 审批流程 as a new version (rows without a name are left out); routed cases keep the steps they were
/// given. Refused with every problem at once: stages, departments, limits, exactly one deciding step in the last stage,
/// and the promise of the catalog.
/// </summary>
public sealed class SaveRouteTemplate(GovDbContext db, IOrganizationDirectory organization, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The problems that kept the template from being saved; none when it was.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(SaveRouteRequest request, CancellationToken ct)
    {
        var steps = request.Rows.Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToList();
        var problems = Problems(steps, await organization.DepartmentsAsync(ct), request.Item);
        if (problems.Count > 0 || !request.FieldsValid)
        {
            return problems;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await db.Set<RouteTemplate>().Where(t => t.BasicCode == request.Code).ToListAsync(ct);
        foreach (var old in current)
        {
            old.IsCurrent = false;
        }

        await db.SaveChangesAsync(ct);
        db.Add(new RouteTemplate
        {
            BasicCode = request.Code,
            Version = current.Count == 0 ? 1 : current.Max(t => t.Version) + 1,
            IsCurrent = true,
            CreatedAt = clock.GetUtcNow().ToUniversalTime(),
            CreatedBy = request.By,
            Steps = steps.Select(s => new RouteStep { Stage = s.Stage, Mode = s.Mode, Name = s.Name.Trim(), DepartmentId = s.DepartmentId, LimitWorkingDays = s.LimitWorkingDays, Decides = s.Decides, ChiefMayDecide = s.ChiefMayDecide }).ToList(),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }

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
}
