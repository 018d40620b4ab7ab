using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Catalog.Browse;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Shared.CodeLists;

namespace GovService.Web.Modules.Catalog.Api;

public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, int Pages);

public sealed record ApiItemSummary(string BasicCode, string Name, string ImplementingBody, string ItemType, string ItemTypeName, int Level, int CaseKind, string CaseKindName, int PromisedLimit, string PromisedUnit, int VisitsNeeded, int OnlineDepth, string[] Themes, int[] ServiceObjects, string Frequency, int Version, string Url)
{
    public static ApiItemSummary From(ItemSummary s) => new(
        s.BasicCode, s.Name, s.ImplementingBody, s.ItemType, CodeLists.ItemTypes.GetValueOrDefault(s.ItemType, ""), s.Level, s.CaseKind,
        CodeLists.CaseKinds.GetValueOrDefault(s.CaseKind, ""), s.PromisedLimit, s.PromisedUnit.ToString(), s.VisitsNeeded, s.OnlineDepth,
        s.Themes, s.ServiceObjects, s.Frequency.ToString(), s.Version, $"/services/{s.BasicCode}");
}

public sealed record ApiLimit(int Value, string Unit, string Note);

public sealed record ApiMaterial(int Position, string Name, string Source, string IssuingBody, int Originals, int Copies, bool Required, bool DeficiencyAllowed, string Instructions, string CommonMistakes, string? LicenceType, string? BlankFormUrl, string? SampleUrl);

public sealed record ApiField(string Key, string Label, string Kind, bool Required, string[] Options, string Help);

public sealed record ApiItem(
    string BasicCode, string ImplementationCode, string BusinessCode, string Name, int Version, string Status, DateTimeOffset? PublishedAt,
    string ItemType, int Level, string ImplementingBody, string ImplementingBodyCode, int ImplementingBodyNature,
    string LegalBasis, string Conditions, string Process, ApiLimit StatutoryLimit, ApiLimit PromisedLimit, int CaseKind,
    int[] ServiceObjects, string[] Themes, string[] Keywords, int[] Channels, IReadOnlyList<Fee> Fees, string Place, string Hours,
    string ConsultPhone, string SupervisionPhone, IReadOnlyList<Question> Faq, string CommonMistakes, int VisitsNeeded, int OnlineDepth,
    bool InHall, string WindowCategory, bool SupportsAppointment, bool SupportsOnlinePayment, bool SupportsCourier, string Scope,
    string QuantityLimit, string ResultType, string ResultName, string Frequency, string BusinessKind, IReadOnlyList<ApiMaterial> Materials, IReadOnlyList<ApiField> Fields)
{
    public static ApiItem From(Guide g)
    {
        var v = g.Version;
        static string? Url(Guid? id) => id is { } f ? $"/services/files/{f}" : null;
        return new ApiItem(
            g.Item.BasicCode, g.Item.ImplementationCode, v.BusinessCode, v.Name, v.Number, v.Status.ToString(), v.PublishedAt,
            v.ItemType, v.Level, v.ImplementingBodyName, v.ImplementingBodyCode, v.ImplementingBodyNature,
            v.LegalBasis, v.Conditions, v.Process, new(v.StatutoryLimit, v.StatutoryUnit.ToString(), v.StatutoryNote),
            new(v.PromisedLimit, v.PromisedUnit.ToString(), v.PromisedNote), v.CaseKind, v.ServiceObjects, v.Themes, v.Keywords, v.Channels,
            v.Fees, v.Place, v.Hours, v.ConsultPhone, v.SupervisionPhone, v.Faq, v.CommonMistakes, v.VisitsNeeded, v.OnlineDepth,
            v.InHall, v.WindowCategory.ToString(), v.SupportsAppointment, v.SupportsOnlinePayment, v.SupportsCourier, v.Scope.ToString(),
            v.QuantityLimit, v.ResultType.ToString(), v.ResultName, v.Frequency.ToString(), v.BusinessKind.ToString(),
            v.Materials.Select(m => new ApiMaterial(m.Position, m.Name, m.Source.ToString(), m.IssuingBody, m.Originals, m.Copies, m.Required, m.DeficiencyAllowed,
                m.Instructions, m.CommonMistakes, m.LicenceType.Length == 0 ? null : m.LicenceType, Url(m.BlankFormFileId), Url(m.SampleFileId))).ToList(),
            v.Fields.Select(f => new ApiField(f.Key, f.Label, f.Kind.ToString(), f.Required, f.Options, f.Help)).ToList());
    }
}

public sealed record ApiBundleSummary(string Code, string Name, string Audience, string Description, string[] Items, string Url);

public sealed record ApiCombinedMaterial(string Name, string Source, string IssuingBody, int Originals, int Copies, bool Required, string? LicenceType, IReadOnlyList<string> NeededBy);

public sealed record ApiBundle(string Code, string Name, string Audience, string Description, IReadOnlyList<ApiItemSummaryLite> Items, IReadOnlyList<ApiCombinedMaterial> Materials, int MaterialsBeforeMerge, IReadOnlyList<ApiField> Fields);

public sealed record ApiItemSummaryLite(string BasicCode, string Name, string ImplementingBody, int CaseKind, string Url);

public sealed record ApiDepartment(Guid Id, string Name, string ShortName, string CreditCode, string Phone, string Address, int PublishedItems);

public sealed record ApiShare(int Count, int Of, double Percent);

public sealed record ApiFigures(int PublishedItems, ApiShare OnlineDoable, ApiShare InHall, ApiShare OneWindow, ApiShare AtMostOneVisit, ApiShare NoVisit, ApiShare Immediate)
{
    public static ApiFigures From(CatalogFigures f)
    {
        ApiShare Share(int n) => new(n, f.Items, CatalogFigures.Share(n, f.Items));
        return new ApiFigures(f.Items, Share(f.OnlineDoable), Share(f.InHall), Share(f.OneWindow), Share(f.AtMostOneVisit), Share(f.NoVisit), Share(f.Immediate));
    }
}
