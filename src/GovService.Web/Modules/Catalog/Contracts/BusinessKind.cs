namespace GovService.Web.Modules.Catalog.Contracts;

/// <summary>
/// 业务类型 of an item (the 业务办理项 of a licence): what an approval does to the applicant's licences. Only a
/// change, renewal, replacement or exchange replaces an existing licence, and only the one the applicant names.
/// </summary>
public enum BusinessKind
{
    /// <summary>新办 (首次申请): an approval issues a new licence beside any the applicant holds.</summary>
    New = 1,

    /// <summary>变更: the licence's particulars change; same number, same validity.</summary>
    Change = 2,

    /// <summary>延续: the licence is renewed before it expires; same number, a new validity from the decision.</summary>
    Renewal = 3,

    /// <summary>补证 (补办): a lost or damaged licence is issued again; same number, same validity.</summary>
    Replacement = 4,

    /// <summary>换证: the licence is exchanged for a new one of the current form; same number, same validity.</summary>
    Exchange = 5,
}

public static class BusinessKinds
{
    /// <summary>Whether an approval of this kind replaces (supersedes) a licence the applicant chose.</summary>
    public static bool Supersedes(this BusinessKind kind) => kind is BusinessKind.Change or BusinessKind.Renewal or BusinessKind.Replacement or BusinessKind.Exchange;

    /// <summary>Whether the replacing licence keeps the validity of the one it replaces (变更, 补证, 换证) rather than starting a new one (延续).</summary>
    public static bool KeepsValidity(this BusinessKind kind) => kind is BusinessKind.Change or BusinessKind.Replacement or BusinessKind.Exchange;
}
