using GovService.Web.Modules.Accounts.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Accounts.Domain;

internal sealed class CitizenDirectory(UserManager<AppUser> users) : ICitizenDirectory
{
    public Task<CitizenInfo?> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken = default)
    {
        var normalized = idNumber.Trim().ToUpperInvariant();
        return users.Users.AsNoTracking()
            .Where(u => u.IdNumber == normalized)
            .Select(u => new CitizenInfo(u.Id, u.RealName, u.IdNumber!, u.PhoneNumber))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<CitizenInfo?> FindByUserIdAsync(Guid userId, CancellationToken cancellationToken = default) =>
        users.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IdNumber != null)
            .Select(u => new CitizenInfo(u.Id, u.RealName, u.IdNumber!, u.PhoneNumber))
            .FirstOrDefaultAsync(cancellationToken);
}
