using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Hall.Dashboard;

/// <summary>
/// 适时增加临时窗口: every minute, per hall and category, counts today's waiting tickets issued more than
/// <see cref="CrowdAlertOptions.WaitMinutes"/> ago. Over <see cref="CrowdAlertOptions.People"/>, it raises the category's
/// alert (one open alert per hall and category, held by a partial unique index, so two instances running the job raise
/// it once) and tells the hall's chief representatives in their inbox, with the dashboard's link where one click opens a
/// temporary window. At or under the limit again, it clears the alert; a new crowd later raises a new one.
/// </summary>
public sealed class CrowdWatchJob(GovDbContext db, INotifications notifications, IOrganizationDirectory organization, IOptions<CrowdAlertOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<CrowdWatchJob> logger)
{
    public const string RecurringId = "hall.crowd-watch";

    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().ToUniversalTime();
        var limit = options.Value.People;
        var since = now.AddMinutes(-options.Value.WaitMinutes);
        var crowds = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.Day == today && t.State == TicketState.Waiting && t.IssuedAt < since)
            .GroupBy(t => new { t.HallId, t.Category })
            .Select(g => new { g.Key.HallId, g.Key.Category, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var over = crowds.Where(c => c.Count > limit).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cleared = await ClearAsync(today, [.. over.Select(c => (c.HallId, c.Category))], now, cancellationToken);
        var raised = 0;
        foreach (var crowd in over)
        {
            var id = Guid.CreateVersion7();
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO gov.hal_crowd_alerts (id, hall_id, day, category, raised_at, waiting)
                VALUES ({id}, {crowd.HallId}, {today}, {(int)crowd.Category}, {now}, {crowd.Count})
                ON CONFLICT (hall_id, category) WHERE cleared_at IS NULL DO NOTHING
                """, cancellationToken);
            if (inserted == 0)
            {
                continue;
            }

            raised++;
            await TellChiefsAsync(id, crowd.HallId, crowd.Category, crowd.Count, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (raised + cleared > 0)
        {
            logger.LogInformation("Hall crowd watch: {Raised} alerts raised, {Cleared} cleared", raised, cleared);
        }

        return raised;
    }

    /// <summary>Clears the open alerts whose crowd is gone (or whose day is over).</summary>
    private async Task<int> ClearAsync(DateOnly today, IReadOnlyCollection<(Guid HallId, WindowCategory Category)> stillOver, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Set<CrowdAlert>().Where(a => a.ClearedAt == null).ToListAsync(ct);
        var gone = open.Where(a => a.Day != today || !stillOver.Contains((a.HallId, a.Category))).ToList();
        foreach (var alert in gone)
        {
            alert.Clear(now);
        }

        await db.SaveChangesAsync(ct);
        return gone.Count;
    }

    private async Task TellChiefsAsync(Guid alertId, Guid hallId, WindowCategory category, int count, CancellationToken ct)
    {
        var chiefs = (await organization.StaffOfHallAsync(hallId, ct)).Where(s => s.IsHead).ToList();
        var what = l[$"WindowCategory.{category}"].Value;
        await notifications.PostAsync(
            [.. chiefs.Select(c => new Notice($"hall:crowd:{alertId}:{c.UserId}", c.UserId, null,
                l["Hall.Crowd.Title", what].Value,
                l["Hall.Crowd.Body", count, what, options.Value.WaitMinutes].Value,
                "/hall/dashboard"))],
            ct);
    }
}
