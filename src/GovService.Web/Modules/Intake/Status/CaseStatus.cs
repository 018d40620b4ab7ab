using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Status;

/// <summary>What anyone with the number and query code may see: no personal data beyond a masked name.</summary>
public sealed record CaseStatus(
    string Number,
    string ItemName,
    string State,
    string MaskedApplicant,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? AcceptedAt,
    DateOnly? PromisedDueDate,
    // 暂定 concerns the promised date, the only one shown (the name is the public API's).
    bool DueDateProvisional,
    DateTimeOffset? ClosedAt,
    string? TerminationReason);

public sealed class CaseStatusLookup(GovDbContext db)
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
