using GovService.Web.Modules.Catalog.Exchange;

namespace GovService.Web.Modules.Catalog.Admin;

/// <summary>Imports a catalog document (JSON): checked whole first, then its items, drafts and bundles, published when asked.</summary>
public sealed class ImportCatalog(CatalogImporter importer)
{
    /// <summary>What was imported, or the reasons the document was refused (nothing changed).</summary>
    public async Task<(ImportOutcome? Outcome, IReadOnlyList<string> Errors)> RunAsync(Stream json, string user, bool publish, CancellationToken ct)
    {
        var (document, errors) = await importer.ParseAsync(json, ct);
        if (document is null)
        {
            return (null, errors);
        }

        return (await importer.ImportAsync(document, user, publish, ct), []);
    }
}
