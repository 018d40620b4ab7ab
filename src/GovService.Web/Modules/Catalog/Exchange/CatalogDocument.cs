using System.Text.Json;
using System.Text.Json.Serialization;
using GovService.Web.Shared.CodeLists;

namespace GovService.Web.Modules.Catalog.Exchange;

/// <summary>The catalog exchange format <c>govservice-catalog/1</c> (docs/domain/catalog-format.md).</summary>
public sealed class CatalogDocument
{
    public const string FormatName = "govservice-catalog/1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Format { get; set; } = FormatName;
    public List<ItemDto> Items { get; set; } = [];
    public List<BundleDto> Bundles { get; set; } = [];
}

public sealed class LimitDto
{
    public int Value { get; set; }
    public string Unit { get; set; } = "WorkingDay";
    public string Note { get; set; } = "";
}

public sealed class FeeDto
{
    public string Name { get; set; } = "";
    public string Standard { get; set; } = "";
    public string Basis { get; set; } = "";
    public string Reduction { get; set; } = "";
}

public sealed class FaqDto
{
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
}

public sealed class FileDto
{
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Base64 { get; set; } = "";
}

public sealed class FormDto
{
    /// <summary>[label, example] pairs: the blank form shows the labels, the sample the examples.</summary>
    public List<List<string>> Rows { get; set; } = [];
}

public sealed class MaterialDto
{
    public string Name { get; set; } = "";
    public string Source { get; set; } = "";
    public string IssuingBody { get; set; } = "";
    public int Originals { get; set; }
    public int Copies { get; set; }
    public bool Required { get; set; } = true;
    public bool DeficiencyAllowed { get; set; }
    public string Instructions { get; set; } = "";
    public string CommonMistakes { get; set; } = "";
    public string? LicenceType { get; set; }
    public FormDto? Form { get; set; }
    public FileDto? BlankFormFile { get; set; }
    public FileDto? SampleFile { get; set; }
}

public sealed class FieldDto
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public string Kind { get; set; } = "Text";
    public bool Required { get; set; }
    public List<string>? Options { get; set; }
    public string? Help { get; set; }
}

public sealed class ItemDto
{
    public string BasicCode { get; set; } = "";
    public string? ImplementationCode { get; set; }
    public string Name { get; set; } = "";
    public string ItemType { get; set; } = "01";
    public int Level { get; set; } = 4;
    public string ImplementingBodyCode { get; set; } = "";
    public string? ImplementingBodyName { get; set; }
    public int ImplementingBodyNature { get; set; } = 1;
    public string? BusinessCode { get; set; }
    public string LegalBasis { get; set; } = "";
    public string Conditions { get; set; } = "";
    public string Process { get; set; } = "";
    public LimitDto StatutoryLimit { get; set; } = new();
    public LimitDto PromisedLimit { get; set; } = new();
    public int CaseKind { get; set; } = 2;
    public List<int> ServiceObjects { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public List<string> Keywords { get; set; } = [];
    public List<int> Channels { get; set; } = [];
    public List<FeeDto> Fees { get; set; } = [];
    public string Place { get; set; } = "";
    public string Hours { get; set; } = "";
    public string ConsultPhone { get; set; } = "";
    public string SupervisionPhone { get; set; } = "";
    public List<FaqDto> Faq { get; set; } = [];
    public string CommonMistakes { get; set; } = "";
    public int VisitsNeeded { get; set; } = 1;
    public int OnlineDepth { get; set; } = 1;
    public bool InHall { get; set; } = true;
    public string WindowCategory { get; set; } = "Comprehensive";
    public bool SupportsAppointment { get; set; }
    public bool SupportsOnlinePayment { get; set; }
    public bool SupportsCourier { get; set; }
    public string Scope { get; set; } = "Local";

    /// <summary>可受理地点: CountyCentre, TownshipCentre, VillageStation (all three when absent).</summary>
    public List<string> ReceivingPlaces { get; set; } = ["CountyCentre", "TownshipCentre", "VillageStation"];
    public string QuantityLimit { get; set; } = "无数量限制";
    public string ResultType { get; set; } = "Other";
    public string ResultName { get; set; } = "";
    public string Frequency { get; set; } = "Low";

    /// <summary>业务类型: New (新办), Change (变更), Renewal (延续), Replacement (补证), Exchange (换证).</summary>
    public string BusinessKind { get; set; } = "New";
    public List<MaterialDto> Materials { get; set; } = [];
    public List<FieldDto> Fields { get; set; } = [];

    /// <summary>Export only: which version and in what state.</summary>
    public int? Version { get; set; }
    public string? Status { get; set; }
}

public sealed class BundleDto
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Audience { get; set; } = "Personal";
    public string Description { get; set; } = "";
    public List<string> Items { get; set; } = [];
}
