using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;

namespace GovService.Web.Modules.Intake.WindowIntake;

/// <summary>
/// The licences a walk-in's 变更 / 延续 / 补证 / 换证 may replace, the same for the form the clerk is shown and the post that
/// decides it: the valid licences of the item's type held by the applicant of the application taken up again, else by the
/// person the form's ID number names (none before the clerk has looked them up, or when they have no account).
/// </summary>
public sealed class ApplicantLicences(ILicenceDirectory licences, ICitizenDirectory citizens, TimeProvider clock)
{
    /// <summary>Null when the item issues no licence.</summary>
    public async Task<IReadOnlyList<ReplaceableLicence>?> ReplaceableAsync(PublishedItem item, string idNumber, Case? pending, CancellationToken ct)
    {
        var holder = pending is not null ? pending.ApplicantUserId
            : ChineseIdNumber.IsValid(idNumber, clock.Today())
                ? (await citizens.FindByIdNumberAsync(ChineseIdNumber.Normalize(idNumber), ct))?.UserId
                : null;
        return holder is { } h ? await licences.ReplaceableAsync(item.BasicCode, h, ct) : [];
    }
}
