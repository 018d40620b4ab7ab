using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using GovService.Web.Infrastructure.Identity;

namespace GovService.Web.Modules.Accounts.Domain;

/// <summary>
/// Refuses passwords that contain the user's own ID number, birth date or mobile, the first things
/// an attacker tries against a citizen account.
/// </summary>
internal sealed class PersonalDataPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var personal = new[] { user.IdNumber?[6..14], user.PhoneNumber, user.IdNumber?[^6..] }
            .Where(p => !string.IsNullOrEmpty(p));
        return Task.FromResult(personal.Any(p => password.Contains(p!, StringComparison.OrdinalIgnoreCase))
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsPersonalData", Description = l["Identity.PasswordContainsPersonalData"] })
            : IdentityResult.Success);
    }
}
