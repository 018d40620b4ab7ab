using System.ComponentModel.DataAnnotations;
using FluentValidation;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Shared.Identity;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Regions;

public sealed class RegionForm
{
    public Guid? Id { get; set; }

    [Display(Name = "Region.Code")]
    public string Code { get; set; } = "";

    [Display(Name = "Region.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Region.Level")]
    public RegionLevel Level { get; set; } = RegionLevel.Village;

    [Display(Name = "Region.Parent")]
    public Guid? ParentId { get; set; }

    public uint Version { get; set; }
}

internal sealed class RegionFormValidator : AbstractValidator<RegionForm>
{
    public RegionFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Code).Must(RegionCode.IsValid).WithMessage(l["Region.Code.Invalid"]);
        RuleFor(f => f.Code).MaximumLength(12).WithMessage(l["Common.TooLong", 12]);
        RuleFor(f => f.Name).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        RuleFor(f => f.Level).IsInEnum().WithMessage(l["Common.Required"]);
        RuleFor(f => f.ParentId).NotNull().When(f => f.Level != RegionLevel.County).WithMessage(l["Region.Parent.Required"]);
        RuleFor(f => f.ParentId).Null().When(f => f.Level == RegionLevel.County).WithMessage(l["Region.Parent.CountyHasNone"]);
    }
}
