using System.Globalization;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Appointments.Hours;

/// <summary>A hall's public page: where it is, its windows, its service hours and the coming blackouts.</summary>
public sealed record HallPage(HallDetails Hall, IReadOnlyList<string> Hours, IReadOnlyList<Blackout> Blackouts);

/// <summary>
/// Reads the halls' service hours (服务时间) and says them in the reader's language, grouped as a hall's notice board
/// does ("周一至周五 08:30–12:00、14:30–17:30"); the guide's list of halls for an item comes from here too.
/// </summary>
public sealed class ServiceHoursQueries(GovDbContext db, IOrganizationDirectory organization, TimeProvider clock, IStringLocalizer<SharedResource> l) : IItemHalls
{
    public async Task<HallWeek> WeekOfAsync(Guid hallId, CancellationToken ct) =>
        new(await db.Set<OpeningPeriod>().AsNoTracking().Where(p => p.HallId == hallId).ToListAsync(ct));

    public async Task<IReadOnlyDictionary<Guid, HallWeek>> WeeksAsync(CancellationToken ct) =>
        (await db.Set<OpeningPeriod>().AsNoTracking().ToListAsync(ct)).GroupBy(p => p.HallId).ToDictionary(g => g.Key, g => new HallWeek([.. g]));

    /// <summary>Blackouts of a hall that have not ended yet.</summary>
    public async Task<IReadOnlyList<Blackout>> BlackoutsAsync(Guid hallId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Set<Blackout>().AsNoTracking().Where(b => b.HallId == hallId && b.EndsAt > now).OrderBy(b => b.StartsAt).ToListAsync(ct);
    }

    public async Task<HallPage?> HallPageAsync(Guid hallId, CancellationToken ct)
    {
        var hall = (await organization.HallDetailsAsync(ct)).FirstOrDefault(h => h.Id == hallId);
        return hall is null ? null : new HallPage(hall, Describe(await WeekOfAsync(hallId, ct)), await BlackoutsAsync(hallId, ct));
    }

    public async Task<IReadOnlyList<ItemHall>> ForCategoryAsync(WindowCategory category, CancellationToken cancellationToken = default)
    {
        var weeks = await WeeksAsync(cancellationToken);
        return (await organization.HallDetailsAsync(cancellationToken))
            .Where(h => h.WindowsOf(category) > 0)
            .Select(h => weeks.TryGetValue(h.Id, out var week)
                ? new ItemHall(h.Id, h.Name, h.Address, h.Phone, Describe(week), week.Periods.Count > 0)
                : new ItemHall(h.Id, h.Name, h.Address, h.Phone, [], false))
            .ToList();
    }

    /// <summary>The week as lines: one per kind of period, consecutive weekdays with the same times joined ("周一至周五").</summary>
    public IReadOnlyList<string> Describe(HallWeek week)
    {
        var lines = new List<string>();
        foreach (var kind in Enum.GetValues<PeriodKind>())
        {
            var days = week.Periods.Where(p => p.Kind == kind).GroupBy(p => p.Day)
                .Select(g => (Day: g.Key, Times: string.Join("、", g.OrderBy(p => p.Starts).Select(p => $"{Time(p.Starts)}–{Time(p.Ends)}"))))
                .OrderBy(d => Monday(d.Day)).ToList();
            foreach (var group in days.GroupBy(d => d.Times))
            {
                lines.Add(l["Hours.Line." + kind, Days([.. group.Select(d => d.Day)]), group.Key].Value);
            }
        }

        if (week.Periods.Count > 0)
        {
            lines.Add(l["Hours.Holidays"].Value);
        }
        else
        {
            lines.Add(l["Hours.None"].Value);
        }

        return lines;
    }

    /// <summary>Weekdays in Monday-first order as runs: three or more in a row become a range ("周一至周五").</summary>
    private string Days(IReadOnlyList<DayOfWeek> days)
    {
        var runs = new List<List<DayOfWeek>>();
        foreach (var day in days)
        {
            if (runs.Count > 0 && Monday(runs[^1][^1]) + 1 == Monday(day))
            {
                runs[^1].Add(day);
            }
            else
            {
                runs.Add([day]);
            }
        }

        return string.Join(l["Hours.DaySeparator"].Value, runs.SelectMany(run => run.Count >= 3
            ? [l["Hours.DayRange", DayName(run[0]), DayName(run[^1])].Value]
            : run.Select(DayName)));
    }

    private static int Monday(DayOfWeek day) => ((int)day + 6) % 7;

    private string DayName(DayOfWeek day) => l["Weekday." + day].Value;

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
