using FluentValidation;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Accounts.Register;

/// <summary>实名注册: a citizen registers with real name, 公民身份号码, mobile and password.</summary>
public sealed class RegisterCitizenRequest
{
    public string RealName { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public string Mobile { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
    public bool AcceptTerms { get; set; }
}

internal sealed class RegisterCitizenRequestValidator : AbstractValidator<RegisterCitizenRequest>
{
    public RegisterCitizenRequestValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(r => r.RealName)
            .NotEmpty().WithMessage(l["Register.RealName.Required"])
            .MaximumLength(50).WithMessage(l["Register.RealName.TooLong"]);
        RuleFor(r => r.IdNumber).ValidChineseIdNumber(l, clock);
        RuleFor(r => r.Mobile)
            .Must(MobileNumber.IsValid).WithMessage(l["Mobile.Invalid"]);
        RuleFor(r => r.Password)
            .NotEmpty().WithMessage(l["Register.Password.Required"]);
        RuleFor(r => r.ConfirmPassword)
            .Equal(r => r.Password).WithMessage(l["Register.ConfirmPassword.Mismatch"]);
        RuleFor(r => r.IdNumber).MaximumLength(18).WithMessage(l["Common.TooLong", 18]);
        RuleFor(r => r.Mobile).MaximumLength(20).WithMessage(l["Common.TooLong", 20]);
        RuleFor(r => r.Password).MaximumLength(128).WithMessage(l["Common.TooLong", 128]);
        RuleFor(r => r.ConfirmPassword).MaximumLength(128).WithMessage(l["Common.TooLong", 128]);
        RuleFor(r => r.AcceptTerms)
            .Equal(true).WithMessage(l["Register.AcceptTerms.Required"]);
    }
}
