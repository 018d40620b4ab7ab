using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using GovService.Web.Infrastructure.Identity;

namespace GovService.Web.Modules.Accounts.Domain;

/// <summary>Adds the real name to the sign-in cookie so pages greet people by name, never by ID number.</summary>
internal sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.RealName));
        if (user.PhoneNumber is { Length: > 0 } mobile)
        {
            // Prefills contact fields; the cookie is encrypted and HttpOnly.
            identity.AddClaim(new Claim(ClaimTypes.MobilePhone, mobile));
        }
        return identity;
    }
}
