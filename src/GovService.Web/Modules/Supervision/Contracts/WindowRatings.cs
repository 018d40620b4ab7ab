namespace GovService.Web.Modules.Supervision.Contracts;

public enum WindowRatingOutcome
{
    Rated = 1,

    /// <summary>No window service of the case to rate, or the case has no applicant account to rate as.</summary>
    NotFound = 2,
    Invalid = 3,
    AlreadyRated = 4,
}

/// <summary>
/// 好差评 given at the window's rating device (评价器, channel 政务大厅平板): the case's latest window service is rated
/// for its applicant exactly as they would rate it online, so a 差评 opens the same rectification work order.
/// </summary>
public interface IWindowRatings
{
    Task<(WindowRatingOutcome Outcome, string? Error)> RateLatestWindowServiceAsync(Guid caseId, int level, string? comment, CancellationToken cancellationToken = default);
}
