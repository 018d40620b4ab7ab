using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovService.Web.Modules.Supervision.Ratings;

/// <summary>A case as its applicant may rate it (Intake's view <c>int_v_rateable_cases</c>).</summary>
public sealed record RateableCase(Guid CaseId, string Number, string BasicCode, string ItemName, Guid? HallId, int State, bool Finished);

/// <summary>A rateable case with the account its applicant (or agent) rates as.</summary>
public sealed record RateableCaseRater(Guid CaseId, string Number, string BasicCode, string ItemName, Guid? HallId, int State, bool Finished, Guid? RaterUserId);

/// <summary>A step of the case handled by a member of staff (Intake's view <c>int_v_service_steps</c>).</summary>
public sealed record ServiceStep(long StepId, Guid CaseId, string Action, Guid StaffId, string HandlerName, string HandlerOffice, DateTimeOffset At);

/// <summary>What can be rated: a window interaction (a step) or, once the case is finished, the whole case.</summary>
public sealed record RatingUnit(long StepId, string Action, ServiceStep? Producer, DateTimeOffset? At, Rating? Rating, RectificationOrder? Order);

public sealed record RatingSheet(RateableCase Case, IReadOnlyList<RatingUnit> Units);

public enum RateOutcome
{
    Rated,
    NotFound,
    Invalid,
    AlreadyRated,
}

/// <summary>
/// 好差评 for applicants: what they may rate on one of their cases, each unit with its rating and work order. Rating
/// is <see cref="GiveRating"/>; rating the rectification is <see cref="RateRectification"/>.
/// </summary>
public sealed class RatingDesk(GovDbContext db)
{
    /// <summary>Steps at a window the applicant was present for, each rateable on its own (一次一评).</summary>
    public static readonly IReadOnlySet<string> WindowActions = new HashSet<string>(StringComparer.Ordinal)
    {
        StepActions.Accepted, StepActions.AcceptedWithDeficiency, StepActions.SupplementRequested, StepActions.NotAccepted, StepActions.DeficiencySupplied, StepActions.Approved, StepActions.Delivered,
    };

    /// <summary>The steps that decide a case: the whole-case rating attaches to the latest of them.</summary>
    private static readonly string[] DecisionActions = [StepActions.ApprovedInReview, StepActions.Denied, StepActions.Approved];

    public const int CommentMax = 500;

    public async Task<RatingSheet?> SheetAsync(string number, Guid userId, CancellationToken ct)
    {
        var rateable = await db.Database.SqlQueryRaw<RateableCase>(
                """
                SELECT case_id, number, basic_code, item_name, hall_id, state, finished
                FROM gov.int_v_rateable_cases WHERE number = @number AND (applicant_user_id = @user OR agent_user_id = @user)
                """,
                new NpgsqlParameter("number", number), new NpgsqlParameter("user", userId))
            .FirstOrDefaultAsync(ct);
        return rateable is null ? null : await SheetOfAsync(rateable, ct);
    }

    /// <summary>A case's sheet for the window's rating device, with the account the applicant rates as (the applicant's, else the agent's).</summary>
    public async Task<(RatingSheet Sheet, Guid RaterUserId)?> SheetAtWindowAsync(Guid caseId, CancellationToken ct)
    {
        var found = await db.Database.SqlQueryRaw<RateableCaseRater>(
                """
                SELECT case_id, number, basic_code, item_name, hall_id, state, finished, coalesce(applicant_user_id, agent_user_id) AS rater_user_id
                FROM gov.int_v_rateable_cases WHERE case_id = @id
                """,
                new NpgsqlParameter("id", caseId))
            .FirstOrDefaultAsync(ct);
        if (found?.RaterUserId is not { } rater)
        {
            return null;
        }

        return (await SheetOfAsync(new RateableCase(found.CaseId, found.Number, found.BasicCode, found.ItemName, found.HallId, found.State, found.Finished), ct), rater);
    }

    private async Task<RatingSheet> SheetOfAsync(RateableCase rateable, CancellationToken ct)
    {

        var steps = await db.Database.SqlQueryRaw<ServiceStep>(
                "SELECT step_id, case_id, action, staff_id, handler_name, handler_office, at FROM gov.int_v_service_steps WHERE case_id = @id ORDER BY at, step_id",
                new NpgsqlParameter("id", rateable.CaseId))
            .ToListAsync(ct);
        var ratings = await db.Set<Rating>().AsNoTracking().Where(r => r.CaseId == rateable.CaseId).ToDictionaryAsync(r => r.StepId, ct);
        var orders = await db.Set<RectificationOrder>().AsNoTracking().Where(o => o.CaseId == rateable.CaseId).ToDictionaryAsync(o => o.RatingId, ct);
        RatingUnit Unit(long stepId, string action, ServiceStep? producer, DateTimeOffset? at)
        {
            var rating = ratings.GetValueOrDefault(stepId);
            return new RatingUnit(stepId, action, producer, at, rating, rating is null ? null : orders.GetValueOrDefault(rating.Id));
        }

        var units = steps.Where(s => WindowActions.Contains(s.Action)).Select(s => Unit(s.StepId, s.Action, s, s.At)).ToList();
        if (rateable.Finished)
        {
            var producer = steps.LastOrDefault(s => DecisionActions.Contains(s.Action)) ?? steps.LastOrDefault();
            units.Insert(0, Unit(0, "Case", producer, null));
        }

        return new RatingSheet(rateable, units);
    }
}
