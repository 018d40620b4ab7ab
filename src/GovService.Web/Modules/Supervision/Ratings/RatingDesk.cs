using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovService.Web.Modules.Supervision.Ratings;

/// <summary>A case as its applicant may rate it (Intake's view <c>int_v_rateable_cases</c>).</summary>
public sealed record RateableCase(Guid CaseId, string Number, string BasicCode, string ItemName, Guid? HallId, int State, bool Finished);

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
/// 好差评 for applicants: what they may rate on one of their cases, the rating itself (a bad one opens the
/// rectification work order in the same transaction and tells the department), and the rating of the rectification.
/// </summary>
public sealed class RatingDesk(
    GovDbContext db,
    INotifications notifications,
    IOrganizationDirectory organization,
    IWorkingCalendarProvider calendars,
    IOptions<SupervisionOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
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
        if (rateable is null)
        {
            return null;
        }

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

    public static string? Check(int level, int channel, string? comment, IStringLocalizer l)
    {
        if (level is < 1 or > 5)
        {
            return l["Rating.LevelRequired"].Value;
        }

        if (channel is < 1 or > 7)
        {
            return l["Rating.ChannelInvalid"].Value;
        }

        var text = (comment ?? "").Trim();
        if (text.Length > CommentMax)
        {
            return l["Rating.CommentTooLong", CommentMax].Value;
        }

        return level >= (int)Satisfaction.Dissatisfied && text.Length == 0 ? l["Rating.ReasonRequired"].Value : null;
    }

    /// <summary>Records a rating; a 差评 (4 or 5) opens the rectification work order with its due date and tells the department.</summary>
    public async Task<(RateOutcome Outcome, string? Error)> RateAsync(string number, Guid userId, long stepId, int level, int channel, string? comment, CancellationToken ct)
    {
        var sheet = await SheetAsync(number, userId, ct);
        var unit = sheet?.Units.FirstOrDefault(u => u.StepId == stepId);
        if (sheet is null || unit is null)
        {
            return (RateOutcome.NotFound, null);
        }

        if (Check(level, channel, comment, l) is { } error)
        {
            return (RateOutcome.Invalid, error);
        }

        if (unit.Rating is not null)
        {
            return (RateOutcome.AlreadyRated, l["Rating.AlreadyRated"]);
        }

        var staff = unit.Producer is { } p ? await organization.FindStaffByIdAsync(p.StaffId, ct) : null;
        var now = clock.GetUtcNow().ToUniversalTime();
        var today = clock.Today();
        var rating = new Rating
        {
            CaseId = sheet.Case.CaseId,
            CaseNumber = sheet.Case.Number,
            BasicCode = sheet.Case.BasicCode,
            ItemName = sheet.Case.ItemName,
            HallId = sheet.Case.HallId ?? staff?.HallId,
            StepId = stepId,
            StepAction = unit.Action,
            StaffId = staff?.StaffId,
            StaffName = staff?.Name ?? unit.Producer?.HandlerName ?? "",
            DepartmentId = staff?.DepartmentId,
            DepartmentName = staff?.DepartmentName ?? "",
            Level = (Satisfaction)level,
            Channel = (RatingChannel)channel,
            Comment = (comment ?? "").Trim(),
            RaterUserId = userId,
            RatedAt = now,
            RatedOn = today,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(rating);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A double click or a retried post: the first one counted.
            db.Entry(rating).State = EntityState.Detached;
            return (RateOutcome.AlreadyRated, l["Rating.AlreadyRated"]);
        }

        if (rating.IsBad)
        {
            var calendar = await calendars.GetAsync(ct);
            var sequence = await db.Database.SqlQueryRaw<long>("SELECT nextval('gov.sup_rectification_numbers') AS \"Value\"").SingleAsync(ct);
            var order = new RectificationOrder
            {
                Number = $"ZG{today:yyyyMMdd}{sequence:000000}",
                RatingId = rating.Id,
                CaseId = rating.CaseId,
                CaseNumber = rating.CaseNumber,
                ItemName = rating.ItemName,
                DepartmentId = rating.DepartmentId,
                DepartmentName = rating.DepartmentName,

                // Without a department the hall where the rated clerk works answers for it.
                HallId = staff?.HallId ?? rating.HallId,
                StaffName = rating.StaffName,
                Level = rating.Level,
                Complaint = rating.Comment,
                RaterUserId = userId,
                IssuedAt = now,
                DueOn = calendar.AddWorkingDays(today, Math.Max(1, options.Value.RectifyWorkingDays)).End,
            };
            db.Add(order);
            await db.SaveChangesAsync(ct);
            var staffToTell = await Sweep.OrderNotices.StaffAnsweringAsync(organization, order.DepartmentId, order.HallId, ct);
            await notifications.PostAsync(
                [.. staffToTell.Select(s => new Notice($"rectification:{order.Id}", s.UserId, null,
                    l["Rectification.Opened.Title", order.Number, order.CaseNumber].Value,
                    l["Rectification.Opened.Body", l["Satisfaction." + order.Level].Value, order.Complaint, order.DueOn.ToString("yyyy-MM-dd")].Value,
                    $"/supervision/rectifications/{order.Id}"))], ct);
        }

        await transaction.CommitAsync(ct);
        return (RateOutcome.Rated, null);
    }

    /// <summary>The applicant rates the rectification they were fed back on; that closes the work order.</summary>
    public async Task<(RateOutcome Outcome, string? Error)> RerateAsync(string number, Guid userId, Guid orderId, int level, string? comment, CancellationToken ct)
    {
        var order = await db.Set<RectificationOrder>().FirstOrDefaultAsync(o => o.Id == orderId && o.CaseNumber == number && o.RaterUserId == userId, ct);
        if (order is null)
        {
            return (RateOutcome.NotFound, null);
        }

        var text = (comment ?? "").Trim();
        if (level is < 1 or > 5)
        {
            return (RateOutcome.Invalid, l["Rating.LevelRequired"]);
        }

        if (text.Length > CommentMax)
        {
            return (RateOutcome.Invalid, l["Rating.CommentTooLong", CommentMax]);
        }

        if (order.State != RectificationState.FedBack)
        {
            return (RateOutcome.AlreadyRated, l["Rectification.NotFedBack"]);
        }

        order.Rerating = (Satisfaction)level;
        order.RerateComment = text;
        order.ReratedAt = clock.GetUtcNow().ToUniversalTime();
        order.State = RectificationState.Closed;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (RateOutcome.AlreadyRated, l["Rectification.NotFedBack"]);
        }

        return (RateOutcome.Rated, null);
    }
}
