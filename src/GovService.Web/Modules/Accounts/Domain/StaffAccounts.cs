using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using GovService.Web.Infrastructure.Identity;

namespace GovService.Web.Modules.Accounts.Domain;

internal sealed class StaffAccounts(UserManager<AppUser> users, TimeProvider clock) : IStaffAccounts
{
    public async Task<StaffAccountResult> CreateAsync(NewStaffAccount account, CancellationToken cancellationToken = default)
    {
        if (!Roles.Staff.Contains(account.Role))
        {
            throw new ArgumentException($"'{account.Role}' is not a staff role.", nameof(account));
        }

        var user = new AppUser
        {
            UserName = account.UserName.Trim(),
            RealName = account.RealName.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(account.Mobile) ? null : account.Mobile.Trim(),
            Kind = AccountKind.Staff,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return new StaffAccountResult(null, created.Errors.Select(e => new AccountError(e.Code, e.Description)).ToList());
        }

        await users.AddToRoleAsync(user, account.Role);
        return new StaffAccountResult(user.Id, []);
    }

    public async Task<IReadOnlyDictionary<Guid, AccountSummary>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var found = await users.Users.Where(u => userIds.Contains(u.Id)).ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, AccountSummary>();
        foreach (var user in found)
        {
            var roles = await users.GetRolesAsync(user);
            var locked = user.LockoutEnd is { } end && end > clock.GetUtcNow();
            result[user.Id] = new AccountSummary(user.Id, user.UserName ?? "", user.RealName, [.. roles], locked);
        }

        return result;
    }

    public async Task SetLockedAsync(Guid userId, bool locked, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new KeyNotFoundException($"No user {userId}.");
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
    }
}
