using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Certificates.Licences;

/// <summary>用证: a member of staff opening a licence is recorded with the reason they give (at most 300 characters).</summary>
public sealed class RecordLicenceUse(GovDbContext db, IOrganizationDirectory organization, TimeProvider clock)
{
    public const int ReasonMax = 300;

    public async Task RunAsync(Guid licenceId, Guid userId, string? userName, string? reason, CancellationToken ct)
    {
        var staff = await organization.FindStaffAsync(userId, ct);
        db.Add(new LicenceUse
        {
            LicenceId = licenceId,
            StaffId = staff?.StaffId,
            StaffName = staff?.Name ?? userName ?? "",
            Office = staff?.HallName ?? staff?.DepartmentName ?? "",
            Reason = string.IsNullOrWhiteSpace(reason) ? "查看证照" : reason.Trim()[..Math.Min(ReasonMax, reason.Trim().Length)],
            At = clock.GetUtcNow().ToUniversalTime(),
        });
        await db.SaveChangesAsync(ct);
    }
}
