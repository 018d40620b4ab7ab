using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Modules.Supervision.Sweep;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovService.Web.Modules.Supervision.Ratings;

/// <summary>
/// The applicant (or agent) rates one unit of their case's sheet, once: 1–5, with a reason for a 差评. A bad rating
/// opens the rectification work order (整改工单) in the same transaction, due in <c>Supervision:RectifyWorkingDays</c>
/// working days, and tells the department (or hall) that answers for it.
/// </summary>
public sealed class GiveRating(
    GovDbContext db,
    RatingDesk desk,
    DocumentNumbers numbers,
    INotifications notifications,
    IOrganizationDirectory organization,
    IWorkingCalendarProvider calendars,
    IOptions<SupervisionOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
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
        if (text.Length > RatingDesk.CommentMax)
        {
            return l["Rating.CommentTooLong", RatingDesk.CommentMax].Value;
        }

        return level >= (int)Satisfaction.Dissatisfied && text.Length == 0 ? l["Rating.ReasonRequired"].Value : null;
    }

    /// <summary>Records a rating; a 差评 (4 or 5) opens the rectification work order with its due date and tells the department.</summary>
    public async Task<(RateOutcome Outcome, string? Error)> RunAsync(string number, Guid userId, long stepId, int level, int channel, string? comment, CancellationToken ct)
    {
        var sheet = await desk.SheetAsync(number, userId, ct);
        var unit = sheet?.Units.FirstOrDefault(u => u.StepId == stepId);
        if (sheet is null || unit is null)
        {
            return (RateOutcome.NotFound, null);
        }

        return await RecordAsync(sheet, unit, userId, level, channel, comment, ct);
    }

    /// <summary>
    /// The one path a rating takes, online or at the window's device: checked, stored once (a unique index), and a
    /// 差评 opens the rectification work order in the same transaction.
    /// </summary>
    internal async Task<(RateOutcome Outcome, string? Error)> RecordAsync(RatingSheet sheet, RatingUnit unit, Guid userId, int level, int channel, string? comment, CancellationToken ct)
    {
        var stepId = unit.StepId;
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
            var order = new RectificationOrder
            {
                Number = await numbers.NextAsync(DocumentSeries.Rectification, ct),
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
            var staffToTell = await OrderNotices.StaffAnsweringAsync(organization, order.DepartmentId, order.HallId, ct);
            await notifications.PostAsync(
                [.. staffToTell.Select(s => new Notice($"rectification:{order.Id}", s.UserId, null,
                    l["Rectification.Opened.Title", order.Number, order.CaseNumber].Value,
                    l["Rectification.Opened.Body", l["Satisfaction." + order.Level].Value, order.Complaint, order.DueOn.ToString("yyyy-MM-dd")].Value,
                    $"/supervision/rectifications/{order.Id}"))], ct);
        }

        await transaction.CommitAsync(ct);
        return (RateOutcome.Rated, null);
    }
}
