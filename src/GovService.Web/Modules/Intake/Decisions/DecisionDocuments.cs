using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Intake.MyCases;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Decisions;

/// <summary>
/// 准予 / 不予行政许可决定书 as written: the issuing body and its number and date on top, the finding, what it rests on
/// (the item's legal basis; for a grant the licence issued, for a denial the reasons and the remedies) and the issuing
/// body and date under it. The page and the PDF show exactly these parts, in this order.
/// </summary>
public sealed record DecisionText(
    bool Granted,
    string CaseNumber,
    string Number,
    string Issuer,
    string Title,
    string NumberLine,
    string Addressee,
    string Finding,
    string? Opinion,
    string? Reasons,
    string LegalBasisLabel,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<string> Licences,
    string? Remedies,
    string DateLine)
{
    /// <summary>Every paragraph under the title, in order (the PDF writes them so).</summary>
    public IEnumerable<string> Body()
    {
        yield return Finding;
        if (Reasons is not null)
        {
            yield return Reasons;
        }

        if (Opinion is not null)
        {
            yield return Opinion;
        }

        foreach (var licence in Licences)
        {
            yield return licence;
        }

        if (LegalBasis.Count > 0)
        {
            yield return LegalBasisLabel;
            foreach (var line in LegalBasis)
            {
                yield return line;
            }
        }

        if (Remedies is not null)
        {
            yield return Remedies;
        }
    }
}

/// <summary>
/// The written decision on a case, for its applicant (My cases) and for the staff of the hall that handles it, in the
/// reader's language; null when the case is not theirs or has no written decision (undecided, or decided before
/// decisions were numbered).
/// </summary>
public sealed class DecisionDocuments(GovDbContext db, ICatalogDirectory catalog, ILicenceDirectory licences, IStringLocalizer<SharedResource> l)
{
    /// <summary>The page, for citizens and staff alike.</summary>
    public const string View = "~/Modules/Intake/Views/Decisions/Decision.cshtml";

    public async Task<DecisionText?> ForApplicantAsync(string number, Guid user, CancellationToken ct) =>
        await WrittenAsync(await db.Set<Case>().AsNoTracking().Mine(user).FirstOrDefaultAsync(c => c.Number == number, ct), ct);

    public async Task<DecisionText?> ForHallAsync(Guid caseId, StaffPlacement staff, CancellationToken ct) =>
        await WrittenAsync(await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.HallId != null && c.HallId == staff.HallId, ct), ct);

    private async Task<DecisionText?> WrittenAsync(Case? c, CancellationToken ct)
    {
        if (c is null || !c.HasWrittenDecision)
        {
            return null;
        }

        var granted = c.State != CaseState.Denied;
        var authority = await catalog.AuthorityAsync(c.ItemVersionId, ct);
        var issued = granted ? await licences.ForCasesAsync([c.Id], ct) : [];
        var applied = DateOnly.FromDateTime((c.AcceptedAt ?? c.SubmittedAt ?? c.CreatedAt).ToChinaTime());
        var decided = DateOnly.FromDateTime(c.DecidedAt!.Value.ToChinaTime());
        var kind = granted ? "Grant" : "Denial";
        return new DecisionText(
            granted,
            c.Number ?? "",
            c.DecisionNumber!,
            c.DecisionIssuer,
            l[$"Decision.{kind}.Title"].Value,
            l["Notice.NumberLine", c.DecisionNumber!].Value,
            l["Notice.Dear", ChineseIdNumber.Mask(c.ApplicantIdNumber), c.ApplicantName].Value,
            l[$"Decision.{kind}.Finding", l["Decision.Date", applied].Value, c.ItemName, c.Number ?? ""].Value,
            granted && c.DecisionOpinion.Length > 0 ? l["Decision.Opinion", c.DecisionOpinion].Value : null,
            granted ? null : c.DecisionOpinion,
            l["Decision.LegalBasis"].Value,
            (authority?.LegalBasis ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            granted ? (issued.Count > 0 ? issued.Select(x => l["Decision.Licence", x.Name, x.Number].Value).ToList() : [l["Decision.NoLicence"].Value]) : [],
            granted ? null : l["Decision.Remedies"].Value,
            l["Decision.Date", decided].Value);
    }
}

/// <summary>The decision's page: where its back button leads (My cases or the window) and its PDF.</summary>
public sealed record DecisionPage(DecisionText Decision, string BackUrl, string BackLabel, string PdfUrl);
