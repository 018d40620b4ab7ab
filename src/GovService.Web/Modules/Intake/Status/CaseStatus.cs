using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Status;

/// <summary>办件查询 by number and query code: the public status page, its API and the hall's kiosk.</summary>
public sealed class CaseStatusLookup(GovDbContext db) : ICaseStatusLookup
{
    /// <summary>The status when number and query code match; null otherwise (never saying which of the two was wrong).</summary>
    public async Task<CaseStatus?> FindAsync(string? number, string? queryCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(queryCode) || number.Length > 30 || queryCode.Length != 6)
        {
            return null;
        }

        var code = queryCode.Trim().ToUpperInvariant();
        var found = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == number.Trim() && c.QueryCode == code, ct);
        return found is null
            ? null
            : new CaseStatus(found.Number!, found.ItemName, found.State.ToString(), Mask(found.ApplicantName, found.ApplicantKind),
                found.SubmittedAt, found.AcceptedAt, found.PromisedDueDate, found.PromisedDueProvisional, found.ClosedAt,
                string.IsNullOrEmpty(found.TerminationReason) ? null : found.TerminationReason);
    }

    /// <summary>张伟 → 张*, 欧阳小明 → 欧**明, 云溪县桃源餐饮店 → 云溪*****饮店.</summary>
    public static string Mask(string name, ApplicantKind kind) => Shared.Identity.NameMask.Mask(name, kind == ApplicantKind.Organisation);
}
