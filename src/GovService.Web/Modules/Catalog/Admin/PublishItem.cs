using GovService.Web.Modules.Catalog.Domain;

namespace GovService.Web.Modules.Catalog.Admin;

/// <summary>Publishes an item's draft when the lint finds nothing (the previous published version is superseded).</summary>
public sealed class PublishItem(CatalogEditor editor)
{
    /// <summary>The lint's problems (nothing changed) or none once published.</summary>
    public Task<IReadOnlyList<LintProblem>> RunAsync(ItemVersion draft, string user, CancellationToken ct) => editor.PublishAsync(draft, user, ct);
}
