using System.ComponentModel.DataAnnotations;
using FluentValidation;
using GovService.Web.Shared.Identity;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Departments;

public sealed class DepartmentForm
{
    public Guid? Id { get; set; }

    [Display(Name = "Department.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Department.ShortName")]
    public string ShortName { get; set; } = "";

    [Display(Name = "Department.CreditCode")]
    public string CreditCode { get; set; } = "";

    [Display(Name = "Department.Region")]
    public Guid RegionId { get; set; }

    [Display(Name = "Common.Phone")]
    public string Phone { get; set; } = "";

    [Display(Name = "Common.Address")]
    public string Address { get; set; } = "";

    public uint Version { get; set; }
}

internal sealed class DepartmentFormValidator : AbstractValidator<DepartmentForm>
{
    public DepartmentFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(f => f.ShortName).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(20).WithMessage(l["Common.TooLong", 20]);
        RuleFor(f => f.CreditCode).Must(UnifiedSocialCreditCode.IsValid).WithMessage(l["CreditCode.Invalid"]);
        RuleFor(f => f.RegionId).NotEmpty().WithMessage(l["Common.Required"]);
        RuleFor(f => f.Phone).NotEmpty().WithMessage(l["Common.Required"]).Matches(@"^[0-9\-]{7,20}$").WithMessage(l["Phone.Invalid"]);
        RuleFor(f => f.Address).MaximumLength(200).WithMessage(l["Common.TooLong", 200]);
        RuleFor(f => f.CreditCode).MaximumLength(18).WithMessage(l["Common.TooLong", 18]);
        RuleFor(f => f.Phone).MaximumLength(30).WithMessage(l["Common.TooLong", 30]);
    }
}
