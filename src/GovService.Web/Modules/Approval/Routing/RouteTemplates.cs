using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Approval.Routing;

public sealed record RoutesPage(IReadOnlyList<RouteTemplate> Templates, IReadOnlyList<ItemChoice> Items, IReadOnlyList<DepartmentInfo> Departments, string? Query);

public sealed record RouteEditPage(PublishedItem Item, IReadOnlyList<RouteTemplate> History, List<StepRow> Rows, IReadOnlyList<DepartmentInfo> Departments);

/// <summary>The administrators' pages of 审批流程: the current template of every item, and one item's versions with its rows.</summary>
public sealed class RouteTemplates(GovDbContext db, ICatalogDirectory catalog, IOrganizationDirectory organization)
{
    public async Task<RoutesPage> IndexAsync(string? query, CancellationToken ct) =>
        new(
            await db.Set<RouteTemplate>().AsNoTracking().Include(t => t.Steps).Where(t => t.IsCurrent).OrderBy(t => t.BasicCode).ToListAsync(ct),
            await catalog.SearchPublishedAsync(query, ct),
            await organization.DepartmentsAsync(ct),
            query);

    /// <summary>The item's current rows, or one deciding step by its department when it has no template yet; null for an item not published.</summary>
    public async Task<RouteEditPage?> EditAsync(string code, CancellationToken ct)
    {
        var item = await catalog.FindPublishedAsync(code, ct);
        if (item is null)
        {
            return null;
        }

        var history = await HistoryAsync(code, ct);
        var rows = history.FirstOrDefault(t => t.IsCurrent)?.Steps.OrderBy(s => s.Stage).Select(s => new StepRow
        {
            Stage = s.Stage, Mode = s.Mode, Name = s.Name, DepartmentId = s.DepartmentId, LimitWorkingDays = s.LimitWorkingDays, Decides = s.Decides, ChiefMayDecide = s.ChiefMayDecide,
        }).ToList() ?? [new StepRow { Stage = 1, Name = "审查决定", DepartmentId = item.DepartmentId, LimitWorkingDays = Math.Max(1, item.PromisedLimit), Decides = true }];
        return new RouteEditPage(item, history, Pad(rows), await organization.DepartmentsAsync(ct));
    }

    /// <summary>The page again with the rows as posted, for a save that was refused.</summary>
    public async Task<RouteEditPage> RefusedAsync(string code, PublishedItem item, List<StepRow> rows, CancellationToken ct) =>
        new(item, await HistoryAsync(code, ct), Pad(rows), await organization.DepartmentsAsync(ct));

    public Task<PublishedItem?> ItemAsync(string code, CancellationToken ct) => catalog.FindPublishedAsync(code, ct);

    private Task<List<RouteTemplate>> HistoryAsync(string code, CancellationToken ct) =>
        db.Set<RouteTemplate>().AsNoTracking().Include(t => t.Steps).Where(t => t.BasicCode == code).OrderByDescending(t => t.Version).ToListAsync(ct);

    private static List<StepRow> Pad(List<StepRow> rows) => [.. rows, .. Enumerable.Range(0, Math.Max(0, 6 - rows.Count)).Select(_ => new StepRow())];
}
