using GovService.Web.Modules.Catalog.Domain;

namespace GovService.Web.Modules.Catalog.Admin;

public enum RetireOutcome
{
    Retired = 1,
    NothingPublished = 2,
    NoSuchItem = 3,
}

/// <summary>Withdraws an item from the catalog; its versions stay readable in the history.</summary>
public sealed class RetireItem(CatalogEditor editor)
{
    public async Task<RetireOutcome> RunAsync(string code, CancellationToken ct)
    {
        var item = await editor.FindItemAsync(code, ct);
        if (item is null)
        {
            return RetireOutcome.NoSuchItem;
        }

        return await editor.RetireAsync(item, ct) ? RetireOutcome.Retired : RetireOutcome.NothingPublished;
    }
}
