using GovService.Web.Modules.Accounts.Domain;
using GovService.Web.Shared.Identity;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using GovService.Web.Infrastructure.Identity;

namespace GovService.Web.Modules.Accounts.Register;

/// <summary>A problem with one field of a request; the controller puts it next to that field.</summary>
public sealed record FieldError(string Field, string Message);

public sealed class RegisterCitizenHandler(
    UserManager<AppUser> users,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock,
    ILogger<RegisterCitizenHandler> logger)
{
    public async Task<(AppUser? User, IReadOnlyList<FieldError> Errors)> HandleAsync(RegisterCitizenRequest request, CancellationToken cancellationToken)
    {
        var idNumber = ChineseIdNumber.Normalize(request.IdNumber);
        var mobile = request.Mobile.Trim();
        var errors = new List<FieldError>();

        // Registered at a window without a password: the same person (ID number, name and mobile) sets one now.
        var atWindow = await users.Users.FirstOrDefaultAsync(u => u.IdNumber == idNumber && u.PasswordHash == null, cancellationToken);
        if (atWindow is not null && atWindow.RealName == request.RealName.Trim() && atWindow.PhoneNumber == mobile)
        {
            var claimed = await users.AddPasswordAsync(atWindow, request.Password);
            if (!claimed.Succeeded)
            {
                return (null, claimed.Errors.Select(e => new FieldError(nameof(request.Password), e.Description)).ToList());
            }

            logger.LogInformation("Citizen {UserId} registered at a window set a password ({MaskedId})", atWindow.Id, ChineseIdNumber.Mask(idNumber));
            return (atWindow, []);
        }

        if (await users.Users.AnyAsync(u => u.IdNumber == idNumber || u.UserName == idNumber, cancellationToken))
        {
            errors.Add(new(nameof(request.IdNumber), l["Register.IdNumber.Taken"]));
        }

        if (await users.Users.AnyAsync(u => u.PhoneNumber == mobile, cancellationToken))
        {
            errors.Add(new(nameof(request.Mobile), l["Register.Mobile.Taken"]));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var user = new AppUser
        {
            UserName = idNumber,
            IdNumber = idNumber,
            RealName = request.RealName.Trim(),
            PhoneNumber = mobile,
            Kind = AccountKind.Citizen,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,

            // The language of the registration page: what the citizen reads, until they choose another while signed in.
            PreferredCulture = Shared.Localization.Cultures.Normalize(System.Globalization.CultureInfo.CurrentUICulture.Name),
        };

        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            // A unique index can still refuse a concurrent duplicate; it surfaces as DuplicateUserName.
            return (null, created.Errors
                .Select(e => new FieldError(e.Code == "DuplicateUserName" ? nameof(request.IdNumber) : nameof(request.Password), e.Description))
                .ToList());
        }

        await users.AddToRoleAsync(user, Roles.Citizen);
        logger.LogInformation("Citizen {UserId} registered ({MaskedId})", user.Id, ChineseIdNumber.Mask(idNumber));
        return (user, []);
    }
}
