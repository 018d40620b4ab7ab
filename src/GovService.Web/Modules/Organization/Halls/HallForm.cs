using System.ComponentModel.DataAnnotations;
using FluentValidation;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Halls;

public sealed class HallForm
{
    public Guid? Id { get; set; }

    [Display(Name = "Hall.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Hall.Kind")]
    public HallKind Kind { get; set; } = HallKind.TownshipCentre;

    [Display(Name = "Hall.Region")]
    public Guid RegionId { get; set; }

    [Display(Name = "Common.Address")]
    public string Address { get; set; } = "";

    [Display(Name = "Common.Phone")]
    public string Phone { get; set; } = "";

    [Display(Name = "Hall.OpeningHours")]
    public string OpeningHours { get; set; } = "";

    public uint Version { get; set; }
}

public sealed class WindowForm
{
    public Guid HallId { get; set; }

    [Display(Name = "Window.Number")]
    public int Number { get; set; }

    [Display(Name = "Window.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Window.Category")]
    public WindowCategory Category { get; set; } = WindowCategory.Comprehensive;
}

internal sealed class HallFormValidator : AbstractValidator<HallForm>
{
    public HallFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(f => f.Kind).IsInEnum().WithMessage(l["Common.Required"]);
        RuleFor(f => f.RegionId).NotEmpty().WithMessage(l["Common.Required"]);
        RuleFor(f => f.Address).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(200).WithMessage(l["Common.TooLong", 200]);
        RuleFor(f => f.Phone).NotEmpty().WithMessage(l["Common.Required"]).Matches(@"^[0-9\-]{7,20}$").WithMessage(l["Phone.Invalid"]);
        RuleFor(f => f.OpeningHours).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(200).WithMessage(l["Common.TooLong", 200]);
        RuleFor(f => f.Phone).MaximumLength(30).WithMessage(l["Common.TooLong", 30]);
    }
}

internal sealed class WindowFormValidator : AbstractValidator<WindowForm>
{
    public WindowFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Number).InclusiveBetween(1, 999).WithMessage(l["Window.Number.Range"]);
        RuleFor(f => f.Name).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        RuleFor(f => f.Category).IsInEnum().WithMessage(l["Common.Required"]);
    }
}
