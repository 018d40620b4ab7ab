using System.ComponentModel.DataAnnotations;
using FluentValidation;
using GovService.Web.Infrastructure.Validation;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.CodeLists;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Catalog.Admin;

/// <summary>A new item: its identity. The guide is written in the draft that follows.</summary>
public sealed class NewItemForm
{
    [Display(Name = "Guide.BasicCode")]
    public string BasicCode { get; set; } = "";

    [Display(Name = "Admin.Item.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Guide.ImplementingBody")]
    public Guid DepartmentId { get; set; }

    [Display(Name = "Guide.Level")]
    public int Level { get; set; } = 4;
}

public sealed class FeeRow
{
    public string Name { get; set; } = "";
    public string Standard { get; set; } = "";
    public string Basis { get; set; } = "";
    public string Reduction { get; set; } = "";
}

public sealed class FaqRow
{
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
}

/// <summary>Everything a guide says, edited on the draft version.</summary>
public sealed class GuideForm
{
    public uint RowVersion { get; set; }

    [Display(Name = "Admin.Item.Name")] public string Name { get; set; } = "";
    [Display(Name = "Guide.ItemType")] public string ItemType { get; set; } = "01";
    [Display(Name = "Guide.Level")] public int Level { get; set; } = 4;
    [Display(Name = "Guide.BodyNature")] public int ImplementingBodyNature { get; set; } = 1;
    [Display(Name = "Guide.LegalBasis")] public string LegalBasis { get; set; } = "";
    [Display(Name = "Guide.Conditions")] public string Conditions { get; set; } = "";
    [Display(Name = "Guide.Process")] public string Process { get; set; } = "";
    [Display(Name = "Guide.StatutoryLimit")] public int StatutoryLimit { get; set; }
    [Display(Name = "Admin.Unit")] public TimeUnit StatutoryUnit { get; set; } = TimeUnit.WorkingDay;
    [Display(Name = "Admin.LimitNote")] public string StatutoryNote { get; set; } = "";
    [Display(Name = "Guide.PromisedLimit")] public int PromisedLimit { get; set; }
    [Display(Name = "Admin.Unit")] public TimeUnit PromisedUnit { get; set; } = TimeUnit.WorkingDay;
    [Display(Name = "Admin.LimitNote")] public string PromisedNote { get; set; } = "";
    [Display(Name = "Guide.CaseKind")] public int CaseKind { get; set; } = 2;
    [Display(Name = "Guide.ServiceObjects")] public List<int> ServiceObjects { get; set; } = [];
    [Display(Name = "Guide.Themes")] public List<string> Themes { get; set; } = [];
    [Display(Name = "Admin.Keywords")] public string Keywords { get; set; } = "";
    [Display(Name = "Guide.Channels")] public List<int> Channels { get; set; } = [];
    public List<FeeRow> Fees { get; set; } = [];
    [Display(Name = "Guide.Place")] public string Place { get; set; } = "";
    [Display(Name = "Guide.Hours")] public string Hours { get; set; } = "";
    [Display(Name = "Guide.ConsultPhone")] public string ConsultPhone { get; set; } = "";
    [Display(Name = "Guide.SupervisionPhone")] public string SupervisionPhone { get; set; } = "";
    public List<FaqRow> Faq { get; set; } = [];
    [Display(Name = "Guide.CommonMistakes")] public string CommonMistakes { get; set; } = "";
    [Display(Name = "Guide.Visits")] public int VisitsNeeded { get; set; } = 1;
    [Display(Name = "Guide.OnlineDepth")] public int OnlineDepth { get; set; } = 1;
    [Display(Name = "Admin.InHall")] public bool InHall { get; set; } = true;
    [Display(Name = "Admin.WindowCategory")] public WindowCategory WindowCategory { get; set; } = WindowCategory.Comprehensive;
    [Display(Name = "Guide.Appointment")] public bool SupportsAppointment { get; set; }
    [Display(Name = "Guide.OnlinePayment")] public bool SupportsOnlinePayment { get; set; }
    [Display(Name = "Guide.Courier")] public bool SupportsCourier { get; set; }
    [Display(Name = "Guide.Scope")] public ServiceScope Scope { get; set; } = ServiceScope.Local;

    /// <summary>可受理地点, a box each (at least one).</summary>
    [Display(Name = "ReceivingPlaces.CountyCentre")] public bool ReceiveAtCounty { get; set; } = true;
    [Display(Name = "ReceivingPlaces.TownshipCentre")] public bool ReceiveAtTownship { get; set; } = true;
    [Display(Name = "ReceivingPlaces.VillageStation")] public bool ReceiveAtVillage { get; set; } = true;

    public Contracts.ReceivingPlaces ReceivingPlaces =>
        (ReceiveAtCounty ? Contracts.ReceivingPlaces.CountyCentre : 0) | (ReceiveAtTownship ? Contracts.ReceivingPlaces.TownshipCentre : 0) | (ReceiveAtVillage ? Contracts.ReceivingPlaces.VillageStation : 0);
    [Display(Name = "Guide.QuantityLimit")] public string QuantityLimit { get; set; } = "无数量限制";
    [Display(Name = "Admin.ResultType")] public ResultType ResultType { get; set; } = ResultType.Other;
    [Display(Name = "Admin.ResultName")] public string ResultName { get; set; } = "";
    [Display(Name = "Guide.Frequency")] public Frequency Frequency { get; set; } = Frequency.Low;
    [Display(Name = "Guide.BusinessKind")] public Contracts.BusinessKind BusinessKind { get; set; } = Contracts.BusinessKind.New;

    public static GuideForm From(ItemVersion v) => new()
    {
        RowVersion = v.RowVersion,
        Name = v.Name, ItemType = v.ItemType, Level = v.Level, ImplementingBodyNature = v.ImplementingBodyNature,
        LegalBasis = v.LegalBasis, Conditions = v.Conditions, Process = v.Process,
        StatutoryLimit = v.StatutoryLimit, StatutoryUnit = v.StatutoryUnit, StatutoryNote = v.StatutoryNote,
        PromisedLimit = v.PromisedLimit, PromisedUnit = v.PromisedUnit, PromisedNote = v.PromisedNote,
        CaseKind = v.CaseKind, ServiceObjects = [.. v.ServiceObjects], Themes = [.. v.Themes], Keywords = string.Join("，", v.Keywords),
        Channels = [.. v.Channels],
        Fees = v.Fees.Select(f => new FeeRow { Name = f.Name, Standard = f.Standard, Basis = f.Basis, Reduction = f.Reduction }).ToList(),
        Place = v.Place, Hours = v.Hours, ConsultPhone = v.ConsultPhone, SupervisionPhone = v.SupervisionPhone,
        Faq = v.Faq.Select(q => new FaqRow { Question = q.Text, Answer = q.Answer }).ToList(),
        CommonMistakes = v.CommonMistakes, VisitsNeeded = v.VisitsNeeded, OnlineDepth = v.OnlineDepth, InHall = v.InHall,
        WindowCategory = v.WindowCategory, SupportsAppointment = v.SupportsAppointment, SupportsOnlinePayment = v.SupportsOnlinePayment,
        SupportsCourier = v.SupportsCourier, Scope = v.Scope,
        ReceiveAtCounty = v.ReceivingPlaces.HasFlag(Contracts.ReceivingPlaces.CountyCentre), ReceiveAtTownship = v.ReceivingPlaces.HasFlag(Contracts.ReceivingPlaces.TownshipCentre),
        ReceiveAtVillage = v.ReceivingPlaces.HasFlag(Contracts.ReceivingPlaces.VillageStation), QuantityLimit = v.QuantityLimit, ResultType = v.ResultType,
        ResultName = v.ResultName, Frequency = v.Frequency, BusinessKind = v.BusinessKind,
    };

    public void ApplyTo(ItemVersion v)
    {
        v.EnsureEditable();
        v.Name = Name.Trim(); v.ItemType = ItemType; v.Level = Level; v.ImplementingBodyNature = ImplementingBodyNature;
        v.LegalBasis = LegalBasis.Trim(); v.Conditions = Conditions.Trim(); v.Process = Process.Trim();
        v.StatutoryLimit = StatutoryLimit; v.StatutoryUnit = StatutoryUnit; v.StatutoryNote = StatutoryNote.Trim();
        v.PromisedLimit = PromisedLimit; v.PromisedUnit = PromisedUnit; v.PromisedNote = PromisedNote.Trim();
        v.CaseKind = CaseKind; v.ServiceObjects = [.. ServiceObjects.Distinct()]; v.Themes = [.. Themes.Distinct()];
        v.Keywords = [.. Keywords.Split([',', '，', '、', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
        v.Channels = [.. Channels.Distinct()];
        v.Fees = Fees.Where(f => !string.IsNullOrWhiteSpace(f.Name)).Select(f => new Fee { Name = f.Name.Trim(), Standard = f.Standard.Trim(), Basis = f.Basis.Trim(), Reduction = f.Reduction.Trim() }).ToList();
        v.Place = Place.Trim(); v.Hours = Hours.Trim(); v.ConsultPhone = ConsultPhone.Trim(); v.SupervisionPhone = SupervisionPhone.Trim();
        v.Faq = Faq.Where(q => !string.IsNullOrWhiteSpace(q.Question)).Select(q => new Question { Text = q.Question.Trim(), Answer = q.Answer.Trim() }).ToList();
        v.CommonMistakes = CommonMistakes.Trim(); v.VisitsNeeded = VisitsNeeded; v.OnlineDepth = OnlineDepth; v.InHall = InHall;
        v.WindowCategory = WindowCategory; v.SupportsAppointment = SupportsAppointment; v.SupportsOnlinePayment = SupportsOnlinePayment;
        v.SupportsCourier = SupportsCourier; v.Scope = Scope; v.ReceivingPlaces = ReceivingPlaces; v.QuantityLimit = QuantityLimit.Trim(); v.ResultType = ResultType;
        v.ResultName = ResultName.Trim(); v.Frequency = Frequency; v.BusinessKind = BusinessKind;
    }
}

public sealed class MaterialForm
{
    public Guid? Id { get; set; }
    [Display(Name = "Guide.Material.Name")] public string Name { get; set; } = "";
    [Display(Name = "Guide.Material.Source")] public MaterialSource Source { get; set; } = MaterialSource.Applicant;
    [Display(Name = "Admin.Material.IssuingBody")] public string IssuingBody { get; set; } = "";
    [Display(Name = "Admin.Material.Originals")] public int Originals { get; set; } = 1;
    [Display(Name = "Admin.Material.Copies")] public int Copies { get; set; }
    [Display(Name = "Guide.Material.Required")] public bool Required { get; set; } = true;
    [Display(Name = "Guide.Material.Deficiency")] public bool DeficiencyAllowed { get; set; }
    [Display(Name = "Admin.Material.Instructions")] public string Instructions { get; set; } = "";
    [Display(Name = "Guide.Material.Mistakes")] public string CommonMistakes { get; set; } = "";
    [Display(Name = "Admin.Material.LicenceType")] public string LicenceType { get; set; } = "";
    [Display(Name = "Admin.Material.IsForm")] public bool IsForm { get; set; }
}

public sealed class FieldForm
{
    public Guid? Id { get; set; }
    [Display(Name = "Admin.Field.Key")] public string Key { get; set; } = "";
    [Display(Name = "Admin.Field.Label")] public string Label { get; set; } = "";
    [Display(Name = "Admin.Field.Kind")] public FieldKind Kind { get; set; } = FieldKind.Text;
    [Display(Name = "Admin.Field.Required")] public bool Required { get; set; }
    [Display(Name = "Admin.Field.Options")] public string Options { get; set; } = "";
    [Display(Name = "Admin.Field.Help")] public string Help { get; set; } = "";
}

internal static class PhoneRule
{
    public const string Pattern = @"^[0-9\-（）()、 ]{5,50}$";
}

internal sealed class NewItemFormValidator : AbstractValidator<NewItemForm>
{
    public NewItemFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.BasicCode).Matches("^[0-9A-Z]{12}$").WithMessage(l["Admin.BasicCode.Invalid"]);
        RuleFor(f => f.BasicCode).MaximumLength(12).WithMessage(l["Common.TooLong", 12]);
        RuleFor(f => f.Name).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(200).WithMessage(l["Common.TooLong", 200]);
        RuleFor(f => f.DepartmentId).NotEmpty().WithMessage(l["Common.Required"]);
        RuleFor(f => f.Level).Must(CodeLists.Levels.ContainsKey).WithMessage(l["Common.Required"]);
    }
}

internal sealed class GuideFormValidator : AbstractValidator<GuideForm>
{
    public GuideFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(200).WithMessage(l["Common.TooLong", 200]);
        RuleFor(f => f.ReceiveAtCounty).Must((f, _) => f.ReceivingPlaces != Contracts.ReceivingPlaces.None).WithMessage(l["ReceivingPlaces.Required"]);
        RuleFor(f => f.ItemType).Must(CodeLists.ItemTypes.ContainsKey).WithMessage(l["Common.Required"]);
        RuleFor(f => f.Level).Must(CodeLists.Levels.ContainsKey).WithMessage(l["Common.Required"]);
        RuleFor(f => f.ImplementingBodyNature).Must(CodeLists.BodyNatures.ContainsKey).WithMessage(l["Common.Required"]);
        RuleFor(f => f.CaseKind).Must(CodeLists.CaseKinds.ContainsKey).WithMessage(l["Common.Required"]);
        RuleFor(f => f.StatutoryLimit).InclusiveBetween(0, 365).WithMessage(l["Admin.Limit.Range"]);
        RuleFor(f => f.PromisedLimit).InclusiveBetween(0, 365).WithMessage(l["Admin.Limit.Range"]);
        RuleFor(f => f.VisitsNeeded).InclusiveBetween(0, 9).WithMessage(l["Admin.Visits.Range"]);
        RuleFor(f => f.OnlineDepth).Must(CodeLists.OnlineDepths.ContainsKey).WithMessage(l["Common.Required"]);
        RuleFor(f => f.BusinessKind).IsInEnum().WithMessage(l["Common.Required"]);
        RuleForEach(f => f.ServiceObjects).Must(CodeLists.ServiceObjects.ContainsKey).WithMessage(l["Common.Required"]);
        RuleForEach(f => f.Channels).Must(CodeLists.Channels.ContainsKey).WithMessage(l["Common.Required"]);
        RuleForEach(f => f.Themes).Must(t => CodeLists.Themes.Any(x => x.Code == t)).WithMessage(l["Common.Required"]);
        RuleFor(f => f.ConsultPhone).Matches(PhoneRule.Pattern).When(f => f.ConsultPhone.Length > 0).WithMessage(l["Phone.Invalid"]);
        RuleFor(f => f.SupervisionPhone).Matches(PhoneRule.Pattern).When(f => f.SupervisionPhone.Length > 0).WithMessage(l["Phone.Invalid"]);
        RuleFor(f => f.LegalBasis).MaximumLength(4000).WithMessage(l["Common.TooLong", 4000]);
        RuleFor(f => f.Conditions).MaximumLength(4000).WithMessage(l["Common.TooLong", 4000]);
        RuleFor(f => f.Process).MaximumLength(4000).WithMessage(l["Common.TooLong", 4000]);
        RuleFor(f => f.ItemType).MaximumLength(2).WithMessage(l["Common.TooLong", 2]);
        RuleFor(f => f.ConsultPhone).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        RuleFor(f => f.SupervisionPhone).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        RuleFor(f => f.QuantityLimit).MaximumLength(200).WithMessage(l["Common.TooLong", 200]);
        RuleFor(f => f.ResultName).MaximumLength(200).WithMessage(l["Common.TooLong", 200]);
        RuleFor(f => f.StatutoryNote).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleFor(f => f.PromisedNote).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleFor(f => f.Keywords).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleFor(f => f.Place).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleFor(f => f.Hours).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleFor(f => f.CommonMistakes).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleForEach(f => f.Themes).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        RuleForEach(f => f.Fees).SetValidator(new FeeRowValidator(l));
        RuleForEach(f => f.Faq).SetValidator(new FaqRowValidator(l));
    }
}

/// <summary>A fee of the guide; kept in the version's JSON, so bounded like the guide's other free texts.</summary>
internal sealed class FeeRowValidator : AbstractValidator<FeeRow>
{
    public FeeRowValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Name).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleFor(f => f.Standard).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleFor(f => f.Basis).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleFor(f => f.Reduction).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
    }
}

internal sealed class FaqRowValidator : AbstractValidator<FaqRow>
{
    public FaqRowValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Question).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleFor(f => f.Answer).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
    }
}

internal sealed class MaterialFormValidator : AbstractValidator<MaterialForm>
{
    public MaterialFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(200).WithMessage(l["Common.TooLong", 200]);
        RuleFor(f => f.Source).IsInEnum().WithMessage(l["Common.Required"]);
        RuleFor(f => f.Originals).InclusiveBetween(0, 99).WithMessage(l["Admin.Material.CountRange"]);
        RuleFor(f => f.Copies).InclusiveBetween(0, 99).WithMessage(l["Admin.Material.CountRange"]);
        RuleFor(f => f.IssuingBody).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(f => f.LicenceType).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(f => f.Instructions).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
        RuleFor(f => f.CommonMistakes).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
    }
}

internal sealed class FieldFormValidator : AbstractValidator<FieldForm>
{
    public FieldFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Key).Matches("^[a-z][a-z0-9_]{0,49}$").WithMessage(l["Admin.Field.Key.Invalid"]);
        RuleFor(f => f.Label).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(f => f.Kind).IsInEnum().WithMessage(l["Common.Required"]);
        RuleFor(f => f.Key).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        RuleFor(f => f.Help).MaximumLength(500).WithMessage(l["Common.TooLong", 500]);
        RuleFor(f => f.Options).MaximumLength(Bounds.LongText).WithMessage(l["Common.TooLong", Bounds.LongText]);
    }
}
