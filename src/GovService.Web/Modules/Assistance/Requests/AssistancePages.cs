using GovService.Web.Modules.Assistance.Mandates;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Assistance.Requests;

/// <summary>The request form with what it offers: the items matching the search (or the chosen one), the villages by township, the bundles.</summary>
public sealed record AskPage(RequestForm Form, string PostUrl, IReadOnlyList<ItemChoice> Items, IReadOnlyList<(RegionInfo Township, IReadOnlyList<RegionInfo> Villages)> Villages, IReadOnlyList<PublishedBundle> Bundles, bool NamesApplicant);

/// <summary>The mandate form with the agents (online), the items, bundles and departments a scope may name.</summary>
public sealed record GrantPage(MandateForm Form, bool Online, IReadOnlyList<AgentInfo> Agents, IReadOnlyList<RegionInfo> Regions, IReadOnlyList<ItemChoice> Items, IReadOnlyList<PublishedBundle> Bundles, IReadOnlyList<DepartmentInfo> Departments);

public sealed class AssistancePages(ICatalogDirectory catalog, IRegionDirectory regions, IOrganizationDirectory organization)
{
    /// <param name="query">The item search typed above the form (every item's first 30 when empty).</param>
    public async Task<AskPage> AskAsync(RequestForm form, string postUrl, string? query, CancellationToken ct, bool namesApplicant = false) =>
        new(form, postUrl, await ItemsAsync(form.Item, query, ct), await VillagesAsync(ct), await catalog.BundlesAsync(ct), namesApplicant);

    public async Task<GrantPage> GrantAsync(MandateForm form, bool online, CancellationToken ct) =>
        new(form, online, await regions.AgentsAsync(ct), await regions.RegionsAsync(ct), await ItemsAsync(form.Scope == Domain.MandateScope.Item ? form.ScopeCode : null, null, ct),
            await catalog.BundlesAsync(ct), await organization.DepartmentsAsync(ct));

    /// <summary>The published items matching the search (its first 30), and the chosen one when it is not among them.</summary>
    private async Task<IReadOnlyList<ItemChoice>> ItemsAsync(string? chosen, string? query, CancellationToken ct)
    {
        var items = (await catalog.SearchPublishedAsync(query, ct)).ToList();
        if (!string.IsNullOrWhiteSpace(chosen) && items.All(i => i.BasicCode != chosen) && await catalog.FindPublishedAsync(chosen, ct) is { } item)
        {
            items.Insert(0, new ItemChoice(item.BasicCode, item.Name, "", item.CaseKind));
        }

        return items;
    }

    private async Task<IReadOnlyList<(RegionInfo, IReadOnlyList<RegionInfo>)>> VillagesAsync(CancellationToken ct)
    {
        var all = await regions.RegionsAsync(ct);
        return [.. all.Where(r => r.Tier == RegionTier.Township)
            .Select(t => (t, (IReadOnlyList<RegionInfo>)[.. all.Where(v => v.ParentId == t.Id && v.Tier == RegionTier.Village)]))];
    }
}
