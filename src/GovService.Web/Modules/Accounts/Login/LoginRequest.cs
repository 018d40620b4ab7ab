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
    }
}
