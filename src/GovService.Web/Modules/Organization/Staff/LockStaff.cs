using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Staff;

/// <summary>Locks a member of staff's login (or unlocks it); false when there is no such member of staff.</summary>
public sealed class LockStaff(GovDbContext db, IStaffAccounts accounts)
{
    public async Task<bool> RunAsync(Guid staffId, bool locked, CancellationToken ct)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null)
        {
            return false;
        }

        await accounts.SetLockedAsync(staff.UserId, locked, ct);
        return true;
    }
}
