namespace GovService.Web.Modules.Catalog.Contracts;

/// <summary>A published catalog version as other modules need it (a case keeps <see cref="VersionId"/>).</summary>
public sealed record PublishedItem(
    Guid ItemId,
    Guid VersionId,
    int Version,
    string BasicCode,
    string Name,
    int CaseKind,
    int PromisedLimit,
    bool PromisedInWorkingDays,
    int StatutoryLimit,
    bool StatutoryInWorkingDays,
    int VisitsNeeded,
    Guid DepartmentId);

public interface ICatalogDirectory
{
    Task<PublishedItem?> FindPublishedAsync(string basicCode, CancellationToken cancellationToken = default);
}
