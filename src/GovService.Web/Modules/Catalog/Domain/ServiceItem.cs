using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Infrastructure.Web;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.CodeLists;

namespace GovService.Web.Modules.Catalog.Domain;

/// <summary>
/// A service item (事项): its identity (基本编码, 实施编码, implementing body) and its versions. What a
/// guide says lives in <see cref="ItemVersion"/>; a case keeps the version it was accepted under.
/// </summary>
public sealed class ServiceItem : IAudited, IPublicContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>基本编码: the item in the national catalogue, 12 characters.</summary>
    public string BasicCode { get; set; } = "";

    /// <summary>实施编码: implementing body's credit code + level digit + 基本编码 (31 characters in practice).</summary>
    public string ImplementationCode { get; set; } = "";

    public Guid DepartmentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ItemVersion> Versions { get; set; } = [];
    public uint RowVersion { get; set; }

    public static string ComposeImplementationCode(string creditCode, int level, string basicCode) => $"{creditCode}{level}{basicCode}";
}

public enum VersionStatus
{
    Draft = 1,
    Published = 2,

    /// <summary>The item was withdrawn from the catalog.</summary>
    Retired = 3,

    /// <summary>A later version was published; this one stays readable in the history.</summary>
    Superseded = 4,
}

public enum TimeUnit
{
    /// <summary>工作日</summary>
    WorkingDay = 1,

    /// <summary>自然日</summary>
    NaturalDay = 2,
}

public enum MaterialSource
{
    /// <summary>Not stated: publishing refuses it.</summary>
    Unknown = 0,

    /// <summary>申请人自备</summary>
    Applicant = 1,

    /// <summary>政府部门核发</summary>
    Government = 2,
}

public enum FieldKind
{
    Text = 1,
    Number = 2,
    Date = 3,
    Choice = 4,
    YesNo = 5,

    /// <summary>统一社会信用代码 or 公民身份号码 (an operator without a credit code gives the person's ID), checked by its check character.</summary>
    PartyCode = 6,

    /// <summary>Several of the options (多选), kept in the options' order joined by 、.</summary>
    MultipleChoice = 7,
}

public static class FieldKinds
{
    /// <summary>A field answered from its options (one or several).</summary>
    public static bool HasOptions(this FieldKind kind) => kind is FieldKind.Choice or FieldKind.MultipleChoice;
}

public enum Frequency
{
    High = 1,
    Low = 2,

    /// <summary>常年无办件</summary>
    None = 3,
}

/// <summary>通办范围</summary>
public enum ServiceScope
{
    Local = 1,
    CrossCounty = 2,
    CrossCity = 3,
    CrossProvince = 4,
    Nationwide = 5,
}

/// <summary>审批结果类型</summary>
public enum ResultType
{
    Licence = 1,
    Approval = 2,
    Other = 9,
}

public sealed class Fee
{
    public string Name { get; set; } = "";
    public string Standard { get; set; } = "";
    public string Basis { get; set; } = "";
    public string Reduction { get; set; } = "";
}

public sealed class Question
{
    public string Text { get; set; } = "";
    public string Answer { get; set; } = "";
}

/// <summary>
/// One version of an item's guide, with every element of GB/T 39046 table 4 that a guide shows.
/// Editable only while a draft; once published it never changes (a new draft is cut instead).
/// </summary>
public sealed class ItemVersion : IAudited, IPublicContent
{
    public const int MaxRetireReason = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ItemId { get; set; }
    public int Number { get; set; }
    public VersionStatus Status { get; set; } = VersionStatus.Draft;
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public string? RetiredBy { get; set; }

    /// <summary>Why the administrator withdrew the item (废止原因), shown in its history.</summary>
    public string? RetireReason { get; set; }

    public string Name { get; set; } = "";
    public string BusinessCode { get; set; } = "";
    public string ItemType { get; set; } = "01";
    public int Level { get; set; } = 4;

    /// <summary>实施主体 as it was when this version was written (a renamed department does not rewrite history).</summary>
    public string ImplementingBodyName { get; set; } = "";
    public string ImplementingBodyCode { get; set; } = "";
    public int ImplementingBodyNature { get; set; } = 1;

    public string LegalBasis { get; set; } = "";
    public string Conditions { get; set; } = "";
    public string Process { get; set; } = "";
    public int StatutoryLimit { get; set; }
    public TimeUnit StatutoryUnit { get; set; } = TimeUnit.WorkingDay;
    public string StatutoryNote { get; set; } = "";
    public int PromisedLimit { get; set; }
    public TimeUnit PromisedUnit { get; set; } = TimeUnit.WorkingDay;
    public string PromisedNote { get; set; } = "";

    /// <summary>A.6: 1 即办件, 2 承诺件.</summary>
    public int CaseKind { get; set; } = 2;
    public int[] ServiceObjects { get; set; } = [1];
    public string[] Themes { get; set; } = [];
    public string[] Keywords { get; set; } = [];
    public int[] Channels { get; set; } = [1];
    public List<Fee> Fees { get; set; } = [];
    public string Place { get; set; } = "";
    public string Hours { get; set; } = "";
    public string ConsultPhone { get; set; } = "";
    public string SupervisionPhone { get; set; } = "";
    public List<Question> Faq { get; set; } = [];
    public string CommonMistakes { get; set; } = "";

    /// <summary>到办事现场次数: 0 不见面, 1 最多跑一次.</summary>
    public int VisitsNeeded { get; set; } = 1;

    /// <summary>网上办理深度 1–4 (4 全程网办).</summary>
    public int OnlineDepth { get; set; } = 1;
    public bool InHall { get; set; } = true;
    public WindowCategory WindowCategory { get; set; } = WindowCategory.Comprehensive;
    public bool SupportsAppointment { get; set; }
    public bool SupportsOnlinePayment { get; set; }
    public bool SupportsCourier { get; set; }
    public ServiceScope Scope { get; set; } = ServiceScope.Local;

    /// <summary>可受理地点: the halls whose windows may take an application in (收受分离: received here, decided by the department).</summary>
    public Contracts.ReceivingPlaces ReceivingPlaces { get; set; } = Contracts.ReceivingPlaces.All;
    public string QuantityLimit { get; set; } = "无数量限制";
    public ResultType ResultType { get; set; } = ResultType.Other;
    public string ResultName { get; set; } = "";

    /// <summary>业务类型: whether an approval issues a new licence or replaces one the applicant holds (延续, 变更 …).</summary>
    public Contracts.BusinessKind BusinessKind { get; set; } = Contracts.BusinessKind.New;
    public Frequency Frequency { get; set; } = Frequency.Low;

    /// <summary>Lower-cased name, keywords, codes and body: what the search looks in (a trigram index serves it).</summary>
    public string SearchText { get; set; } = "";

    public List<Material> Materials { get; set; } = [];
    public List<FormField> Fields { get; set; } = [];
    public uint RowVersion { get; set; }

    public bool IsImmediate => CaseKind == 1;

    public bool IsEditable => Status == VersionStatus.Draft;

    /// <summary>Withdraws this published version (废止); only the version in force can be withdrawn, and only with a reason.</summary>
    public void Retire(string reason, string by, DateTimeOffset at)
    {
        if (Status != VersionStatus.Published)
        {
            throw new InvalidOperationException($"Version {Number} is {Status}; only the published version can be retired.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Status = VersionStatus.Retired;
        RetiredAt = at;
        RetiredBy = by;
        RetireReason = reason;
    }

    public void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new InvalidOperationException($"Version {Number} is {Status} and cannot change; cut a new draft.");
        }
    }

    public void RefreshSearchText(string basicCode, string implementationCode) =>
        SearchText = string.Join(' ', new[] { Name, basicCode, implementationCode, BusinessCode, ImplementingBodyName, ResultName }.Concat(Keywords))
            .ToLowerInvariant();
}

/// <summary>申请材料.</summary>
public sealed class Material : IAudited, IPublicContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VersionId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public MaterialSource Source { get; set; }
    public string IssuingBody { get; set; } = "";
    public int Originals { get; set; }
    public int Copies { get; set; }
    public bool Required { get; set; } = true;

    /// <summary>容缺: may be missing at acceptance if the applicant commits to supply it.</summary>
    public bool DeficiencyAllowed { get; set; }
    public string Instructions { get; set; } = "";
    public string CommonMistakes { get; set; } = "";

    /// <summary>The e-licence type that replaces the paper (免提交), e.g. 居民身份证.</summary>
    public string LicenceType { get; set; } = "";

    /// <summary>The material is a form the applicant fills in: a blank form must be downloadable.</summary>
    public bool IsForm { get; set; }
    public Guid? BlankFormFileId { get; set; }
    public Guid? SampleFileId { get; set; }
}

/// <summary>An item-specific application field the online form renders.</summary>
public sealed class FormField : IAudited, IPublicContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VersionId { get; set; }
    public int Position { get; set; }
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public FieldKind Kind { get; set; } = FieldKind.Text;
    public bool Required { get; set; }
    public string[] Options { get; set; } = [];
    public string Help { get; set; } = "";
}

/// <summary>A downloadable file (blank form, filled sample, result sample), stored in the database with its SHA-256.</summary>
public sealed class CatalogFile
{
    public const int FileNameMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    public static CatalogFile From(string fileName, string contentType, byte[] content, DateTimeOffset createdAt) => new()
    {
        FileName = fileName,
        ContentType = contentType,
        Size = content.Length,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
        Content = content,
        CreatedAt = createdAt,
    };
}

/// <summary>一件事 (一链办理): a life event grouping items into one guide and one form.</summary>
public sealed class Bundle : IAudited, IPublicContent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public Audience Audience { get; set; } = Audience.Personal;
    public string Description { get; set; } = "";

    /// <summary>基本编码s of the items, in the order the guide lists them.</summary>
    public string[] ItemCodes { get; set; } = [];
    public bool IsPublished { get; set; } = true;
    public uint RowVersion { get; set; }
}
