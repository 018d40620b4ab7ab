using GovService.Web.Modules.Supervision.Contracts;
using GovService.Web.Modules.Supervision.Domain;

namespace GovService.Web.Modules.Supervision.Ratings;

/// <summary>
/// The window's rating device: rates the latest window service (受理, 一次性告知 …) of the case the citizen was just
/// served for, as its applicant, through <see cref="GiveRating.RecordAsync"/> — the online path, channel
/// <see cref="RatingChannel.HallTablet"/>.
/// </summary>
internal sealed class RateAtWindow(RatingDesk desk, GiveRating ratings) : IWindowRatings
{
    public async Task<(WindowRatingOutcome Outcome, string? Error)> RateLatestWindowServiceAsync(Guid caseId, int level, string? comment, CancellationToken cancellationToken = default)
    {
        if (await desk.SheetAtWindowAsync(caseId, cancellationToken) is not ({ } sheet, var rater)
            || sheet.Units.Where(u => u.StepId > 0).OrderByDescending(u => u.At).ThenByDescending(u => u.StepId).FirstOrDefault() is not { } unit)
        {
            return (WindowRatingOutcome.NotFound, null);
        }

        var (outcome, error) = await ratings.RecordAsync(sheet, unit, rater, level, (int)RatingChannel.HallTablet, comment, cancellationToken);
        return (outcome switch
        {
            RateOutcome.Rated => WindowRatingOutcome.Rated,
            RateOutcome.AlreadyRated => WindowRatingOutcome.AlreadyRated,
            RateOutcome.Invalid => WindowRatingOutcome.Invalid,
            _ => WindowRatingOutcome.NotFound,
        }, error);
    }
}
