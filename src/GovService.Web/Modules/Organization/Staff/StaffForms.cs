using System.ComponentModel.DataAnnotations;
using FluentValidation;
using GovService.Web.Shared.Identity;
using GovService.Web.Shared.Security;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Staff;

/// <summary>Where a member of staff works; which of the three is needed depends on the role.</summary>
public interface IStaffPlacement
{
    string Role { get; }
    Guid? HallId { get; }
    Guid? DepartmentId { get; }
    Guid? RegionId { get; }
}

/// <summary>What every staff form holds: who the member of staff is and where they work.</summary>
public abstract class StaffDetails : IStaffPlacement
{
    [Display(Name = "Staff.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Staff.Role")]
    public string Role { get; set; } = "";

    [Display(Name = "Staff.Title")]
    public string Title { get; set; } = "";

    [Display(Name = "Staff.OfficePhone")]
    public string OfficePhone { get; set; } = "";

    [Display(Name = "Staff.Hall")]
    public Guid? HallId { get; set; }

    [Display(Name = "Staff.Department")]
    public Guid? DepartmentId { get; set; }

    [Display(Name = "Staff.Region")]
    public Guid? RegionId { get; set; }

    /// <summary>部门负责人: receives the supervision orders (督办) addressed to the department.</summary>
    [Display(Name = "Staff.IsHead")]
    public bool IsHead { get; set; }
}

public sealed class NewStaffForm : StaffDetails
{
    public NewStaffForm() => Role = Roles.Clerk;

    [Display(Name = "Staff.UserName")]
    public string UserName { get; set; } = "";

    [Display(Name = "Common.Mobile")]
    public string? Mobile { get; set; }

    [Display(Name = "Staff.InitialPassword")]
    public string Password { get; set; } = "";
}

public sealed class EditStaffForm : StaffDetails
{
    public Guid Id { get; set; }

    public uint Version { get; set; }
}

internal static class StaffRules
{
    /// <summary>The rules of every staff form: name, office phone and title, then the placement the role needs.</summary>
    public static void AddStaffRules<T>(this AbstractValidator<T> validator, IStringLocalizer<SharedResource> l)
        where T : StaffDetails
    {
        validator.RuleFor(f => f.Name).NotEmpty().WithMessage(l["Common.Required"]).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        validator.RuleFor(f => f.OfficePhone).NotEmpty().WithMessage(l["Common.Required"]).Matches(@"^[0-9\-]{7,20}$").WithMessage(l["Phone.Invalid"]);
        validator.RuleFor(f => f.Title).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        validator.RuleFor(f => f.OfficePhone).MaximumLength(30).WithMessage(l["Common.TooLong", 30]);
        validator.RuleFor(f => f.Role).Must(r => Roles.Staff.Contains(r)).WithMessage(l["Staff.Role.Invalid"]);
        validator.RuleFor(f => f.Role).MaximumLength(32).WithMessage(l["Common.TooLong", 32]);
        validator.RuleFor(f => f.HallId).NotNull().When(f => f.Role is Roles.Clerk or Roles.ChiefRepresentative).WithMessage(l["Staff.Hall.Required"]);
        validator.RuleFor(f => f.DepartmentId).NotNull().When(f => f.Role == Roles.Reviewer).WithMessage(l["Staff.Department.Required"]);
        validator.RuleFor(f => f.RegionId).NotNull().When(f => f.Role is Roles.Supervisor or Roles.Agent).WithMessage(l["Staff.Region.Required"]);
    }
}

internal sealed class NewStaffFormValidator : AbstractValidator<NewStaffForm>
{
    public NewStaffFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.UserName).NotEmpty().WithMessage(l["Common.Required"])
            .Matches("^[a-zA-Z][a-zA-Z0-9._-]{2,31}$").WithMessage(l["Staff.UserName.Invalid"]);
        RuleFor(f => f.Mobile).Must(MobileNumber.IsValid).When(f => !string.IsNullOrWhiteSpace(f.Mobile)).WithMessage(l["Mobile.Invalid"]);
        RuleFor(f => f.Password).NotEmpty().WithMessage(l["Common.Required"]);
        RuleFor(f => f.UserName).MaximumLength(32).WithMessage(l["Common.TooLong", 32]);
        RuleFor(f => f.Mobile).MaximumLength(20).WithMessage(l["Common.TooLong", 20]);
        RuleFor(f => f.Password).MaximumLength(128).WithMessage(l["Common.TooLong", 128]);
        this.AddStaffRules(l);
    }
}

internal sealed class EditStaffFormValidator : AbstractValidator<EditStaffForm>
{
    public EditStaffFormValidator(IStringLocalizer<SharedResource> l) => this.AddStaffRules(l);
}
