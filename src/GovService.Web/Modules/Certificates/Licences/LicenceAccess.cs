using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Certificates.Licences;

/// <summary>Who is asking: the signed-in user and the roles that widen what they may do with a licence.</summary>
public sealed record LicenceReader(Guid UserId, bool IsAdmin, bool IsReviewer);

/// <summary>
/// Who may open a licence: the holder, an administrator, the staff of the hall that delivers it or used it (用证), and
/// the issuing department; only that department's reviewers (and administrators) may revoke it.
/// </summary>
public sealed class LicenceAccess(IOrganizationDirectory organization, IEnumerable<Intake.Contracts.ILicenceUseCheck> useChecks)
{
    public async Task<(bool May, bool MayRevoke)> ForAsync(Licence licence, LicenceReader reader, CancellationToken ct)
    {
        if (licence.HolderUserId == reader.UserId)
        {
            return (true, false);
        }

        if (reader.IsAdmin)
        {
            return (true, true);
        }

        var staff = await organization.FindStaffAsync(reader.UserId, ct);
        if (staff is null)
        {
            return (false, false);
        }

        var issuing = staff.DepartmentId is { } department && (await organization.DepartmentsAsync(ct)).Any(d => d.Id == department && d.CreditCode == licence.IssuerCode);
        var delivering = staff.HallId is not null && staff.HallId == licence.HallId;
        var usedHere = false;
        if (!issuing && !delivering && staff.HallId is { } hall)
        {
            foreach (var check in useChecks)
            {
                usedHere |= await check.UsedByHallAsync(licence.Id, hall, ct);
            }
        }

        return (issuing || delivering || usedHere, issuing && reader.IsReviewer);
    }
}
