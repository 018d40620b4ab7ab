using FluentValidation;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Accounts.Login;

public sealed class LoginRequest
{
    /// <summary>公民身份号码, mobile or staff user name.</summary>
    public string Account { get; set; } = "";
    public string Password { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(r => r.Account).NotEmpty().WithMessage(l["Login.Account.Required"]);
        RuleFor(r => r.Password).NotEmpty().WithMessage(l["Login.Password.Required"]);
        RuleFor(r => r.Account).MaximumLength(100).WithMessage(l["Common.TooLong", 100]);
        RuleFor(r => r.Password).MaximumLength(128).WithMessage(l["Common.TooLong", 128]);
        RuleFor(r => r.ReturnUrl).MaximumLength(2000).WithMessage(l["Common.TooLong", 2000]);
    }
}
