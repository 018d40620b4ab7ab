using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Calendar;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.Sweep;

/// <summary>What one supervisor's region looks like this morning.</summary>
public sealed record DigestFigures(int Red, int Yellow, int OpenOrders, int EscalatedOrders, int OverdueRectifications, int OverdueComplaints, int BadRatingsYesterday);

/// <summary>
/// 每日监察简报: at 08:30 (Supervision:DigestCron, Asia/Shanghai) on working days of the county calendar (调休
/// Saturdays included, holidays skipped), each supervisor gets one inbox message with their region's cards,
/// orders, overdue work orders and complaints and yesterday's bad ratings. Keyed by day: once, however often it runs.
/// </summary>
public sealed class DailyDigestJob(
    GovDbContext db,
    DashboardQueries queries,
    IOrganizationDirectory organization,
    INotifications notifications,
    IWorkingCalendarProvider calendars,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    ILogger<DailyDigestJob> logger)
{
    public const string RecurringId = "supervision.daily-digest";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        if (!(await calendars.GetAsync(cancellationToken)).IsWorkingDay(today))
        {
            logger.LogInformation("No digest on {Day}: not a working day", today);
            return 0;
        }

        var notices = new List<Notice>();
        foreach (var supervisor in await organization.SupervisorsAsync(cancellationToken))
        {
            var halls = (await organization.HallsInRegionAsync(supervisor.RegionId, cancellationToken)).ToHashSet();
            var f = await FiguresAsync(halls, today, cancellationToken);
            notices.Add(new Notice($"digest:{today:yyyy-MM-dd}", supervisor.UserId, null,
                l["Digest.Title", today.ToString("yyyy-MM-dd"), supervisor.RegionName].Value,
                l["Digest.Body", f.Red, f.Yellow, f.OpenOrders, f.EscalatedOrders, f.OverdueRectifications, f.OverdueComplaints, f.BadRatingsYesterday].Value,
                "/supervision"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var posted = await notifications.PostAsync(notices, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Daily digest for {Day}: {Posted} of {Supervisors} supervisors told", today, posted, notices.Count);
        return posted;
    }

    public async Task<DigestFigures> FiguresAsync(IReadOnlySet<Guid> halls, DateOnly today, CancellationToken ct)
    {
        var cards = (await queries.CardsAsync(halls, ct)).ByHall;
        var yesterday = today.AddDays(-1);
        var live = await queries.LiveAsync(halls, new DashboardFilter(yesterday, yesterday), today, ct);
        return new DigestFigures(
            cards.Sum(c => c.Red),
            cards.Sum(c => c.Yellow),
            live.OpenOrders,
            live.EscalatedOrders,
            live.Ratings.OverdueOrders,
            live.OverdueComplaints,
            live.Ratings.Bad);
    }
}
