using GovService.Web.Modules.Accounts.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using GovService.Web.Infrastructure.Identity;

namespace GovService.Web.Modules.Accounts.Domain;

internal sealed class CitizenDirectory(UserManager<AppUser> users, Infrastructure.Data.GovDbContext db, TimeProvider clock, ILogger<CitizenDirectory> logger) : ICitizenDirectory
{
    public async Task<CitizenInfo?> RegisterAtWindowAsync(string realName, string idNumber, string mobile, CancellationToken cancellationToken = default)
    {
        var normalized = idNumber.Trim().ToUpperInvariant();
        if (await FindByIdNumberAsync(normalized, cancellationToken) is { } existing)
        {
            return existing;
        }

        if (await users.Users.AnyAsync(u => u.PhoneNumber == mobile.Trim(), cancellationToken))
        {
            return null;
        }

        var user = new AppUser
        {
            UserName = normalized,
            IdNumber = normalized,
            RealName = realName.Trim(),
            PhoneNumber = mobile.Trim(),
            Kind = AccountKind.Citizen,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        if (!(await users.CreateAsync(user)).Succeeded)
        {
            return await FindByIdNumberAsync(normalized, cancellationToken);
        }

        await users.AddToRoleAsync(user, Shared.Security.Roles.Citizen);
        logger.LogInformation("Citizen {UserId} registered at a window ({MaskedId}), no password yet", user.Id, Shared.Identity.ChineseIdNumber.Mask(normalized));
        return new CitizenInfo(user.Id, user.RealName, normalized, user.PhoneNumber);
    }

    public Task<CitizenInfo?> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken = default)
    {
        var normalized = idNumber.Trim().ToUpperInvariant();
        return users.Users.AsNoTracking()
            .Where(u => u.IdNumber == normalized)
            .Select(u => new CitizenInfo(u.Id, u.RealName, u.IdNumber!, u.PhoneNumber))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<CitizenInfo?> FindByUserIdAsync(Guid userId, CancellationToken cancellationToken = default) =>
        CitizenById(db, userId, cancellationToken);

    /// <summary>Compiled once: every online submission names its applicant.</summary>
    private static readonly Func<Infrastructure.Data.GovDbContext, Guid, CancellationToken, Task<CitizenInfo?>> CitizenById =
        EF.CompileAsyncQuery((Infrastructure.Data.GovDbContext db, Guid userId, CancellationToken _) =>
            db.Set<AppUser>().AsNoTracking()
                .Where(u => u.Id == userId && u.IdNumber != null)
                .Select(u => new CitizenInfo(u.Id, u.RealName, u.IdNumber!, u.PhoneNumber))
                .FirstOrDefault());
}
