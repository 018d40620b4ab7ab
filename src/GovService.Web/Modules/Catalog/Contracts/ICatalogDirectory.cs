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
    Guid DepartmentId,
    BusinessKind BusinessKind,
    ReceivingPlaces ReceivingPlaces = ReceivingPlaces.All);

public sealed record PublishedMaterial(int Position, string Name, bool Required, bool DeficiencyAllowed, int Originals, int Copies, string LicenceType);

public sealed record PublishedField(string Key, string Label, string Kind, bool Required, IReadOnlyList<string> Options, string Help);

/// <summary>A published 一件事 bundle: several items applied for with one form.</summary>
public sealed record PublishedBundle(string Code, string Name, IReadOnlyList<string> ItemCodes);

/// <summary>
/// What a decision on an application cites of the version it was decided under: the 实施主体 (as it was named in that
/// version) and the legal basis (设定依据 / 实施依据).
/// </summary>
public sealed record ItemAuthority(string ImplementingBody, string ImplementingBodyCode, string LegalBasis);

/// <summary>How an item is served in a hall: at which window category, and whether it may be booked (预约办理).</summary>
public sealed record HallService(string BasicCode, string Name, Organization.Contracts.WindowCategory WindowCategory, bool InHall, bool SupportsAppointment);

public sealed record ItemChoice(string BasicCode, string Name, string ImplementingBody, int CaseKind);

/// <summary>The reform figures the catalog alone can give (DESIGN §6), over the published items.</summary>
public sealed record CatalogFigures(int Items, int OnlineDoable, int InHall, int OneWindow, int AtMostOneVisit, int NoVisit, int Immediate)
{
    public static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}

public interface ICatalogDirectory
{
    /// <summary>The reform figures over the published items (网上可办, 一窗受理, 最多跑一次 …).</summary>
    Task<CatalogFigures> FiguresAsync(CancellationToken cancellationToken = default);

    Task<PublishedItem?> FindPublishedAsync(string basicCode, CancellationToken cancellationToken = default);

    /// <summary>How the published item is served in a hall; null when the item is not published.</summary>
    Task<HallService?> HallServiceAsync(string basicCode, CancellationToken cancellationToken = default);

    /// <summary>The implementing department of every item of the catalog, published or retired, by basic code (what a case keeps of its item).</summary>
    Task<IReadOnlyDictionary<string, Guid>> DepartmentsByItemAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PublishedMaterial>> MaterialsAsync(Guid versionId, CancellationToken cancellationToken = default);

    /// <summary>The implementing body and legal basis of a version, published or since superseded (a decision cites the version it was made under).</summary>
    Task<ItemAuthority?> AuthorityAsync(Guid versionId, CancellationToken cancellationToken = default);

    /// <summary>The item-specific application fields of a version; Kind is Text, Number, Date, Choice, YesNo, PartyCode or MultipleChoice.</summary>
    Task<IReadOnlyList<PublishedField>> FieldsAsync(Guid versionId, CancellationToken cancellationToken = default);

    /// <summary>Published items whose name, code or keywords contain <paramref name="query"/> (any item when empty), at most 30.</summary>
    Task<IReadOnlyList<ItemChoice>> SearchPublishedAsync(string? query, CancellationToken cancellationToken = default);

    Task<PublishedBundle?> FindBundleAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Every published 一件事 bundle, by name.</summary>
    Task<IReadOnlyList<PublishedBundle>> BundlesAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether two material names mean the same material (a bundle asks for it once).</summary>
    string MaterialKey(string name);
}
