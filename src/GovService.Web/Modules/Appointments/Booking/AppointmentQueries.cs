using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Appointments.Booking;

/// <summary>A booking on a list, with its hall's name (and, for clerks, the person's recent no-shows).</summary>
public sealed record AppointmentRow(Appointment Appointment, string Hall, int NoShows)
{
    /// <summary>到达签到取号 from the phone, for today's bookings on My appointments; null on other days and lists.</summary>
    public RemoteCheckIn? CheckIn { get; init; }

    /// <summary>Checked in today: its queue ticket can be seen.</summary>
    public bool ArrivedToday { get; init; }
}

/// <summary>Whether today's booking can be checked in from the phone now, and from when (<c>RemoteCheckInMinutes</c> before the slot).</summary>
public sealed record RemoteCheckIn(bool Open, DateTimeOffset Opens, bool Over);

/// <summary>The clerks' list of a hall's day, per window category.</summary>
public sealed record HallDay(HallDetails Hall, DateOnly Day, IReadOnlyList<IGrouping<WindowCategory, AppointmentRow>> Categories);

public sealed class AppointmentQueries(GovDbContext db, IOrganizationDirectory organization, TimeProvider clock, IOptions<AppointmentOptions> options)
{
    /// <summary>我的预约: a citizen's bookings, the coming ones first.</summary>
    public async Task<IReadOnlyList<AppointmentRow>> MineAsync(Guid userId, CancellationToken ct)
    {
        var halls = (await organization.HallDetailsAsync(ct)).ToDictionary(h => h.Id, h => h.Name);
        var list = await db.Set<Appointment>().AsNoTracking().Where(a => a.UserId == userId).OrderByDescending(a => a.StartsAt).Take(100).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        RemoteCheckIn? CheckIn(Appointment a)
        {
            if (a.Day != today || a.State != AppointmentState.Booked)
            {
                return null;
            }

            var opens = AppointmentCheckIn.RemoteCheckInOpens(a.StartsAt, options.Value);
            return new RemoteCheckIn(opens <= now && now < a.EndsAt, opens, a.EndsAt <= now);
        }

        return list.OrderBy(a => a.IsOpen && a.EndsAt > now ? 0 : 1).ThenBy(a => a.IsOpen ? a.StartsAt : DateTimeOffset.MaxValue)
            .Select(a => new AppointmentRow(a, halls.GetValueOrDefault(a.HallId, ""), 0) { CheckIn = CheckIn(a), ArrivedToday = a.Day == today && a.State == AppointmentState.Arrived }).ToList();
    }

    public async Task<AppointmentRow?> MineAsync(Guid userId, Guid id, CancellationToken ct)
    {
        var a = await db.Set<Appointment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct);
        return a is null ? null : new AppointmentRow(a, (await organization.HallDetailsAsync(ct)).FirstOrDefault(h => h.Id == a.HallId)?.Name ?? "", 0);
    }

    /// <summary>A hall's bookings of a day per category and time, with each person's no-shows in the setting's window.</summary>
    public async Task<HallDay?> HallDayAsync(Guid hallId, DateOnly day, CancellationToken ct)
    {
        var hall = (await organization.HallDetailsAsync(ct)).FirstOrDefault(h => h.Id == hallId);
        if (hall is null)
        {
            return null;
        }

        var list = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.HallId == hallId && a.Day == day && a.State != AppointmentState.Rebooked)
            .OrderBy(a => a.Category).ThenBy(a => a.StartsAt).ThenBy(a => a.BookedAt).ToListAsync(ct);
        var people = list.Select(a => a.UserId).Distinct().ToList();
        var since = clock.Today().AddDays(-options.Value.NoShowWindowDays);
        var noShows = await db.Set<Appointment>().AsNoTracking()
            .Where(a => people.Contains(a.UserId) && a.State == AppointmentState.NoShow && a.Day > since)
            .GroupBy(a => a.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = list.Select(a => new AppointmentRow(a, hall.Name, noShows.GetValueOrDefault(a.UserId))).ToList();
        return new HallDay(hall, day, [.. rows.GroupBy(r => r.Appointment.Category)]);
    }
}
