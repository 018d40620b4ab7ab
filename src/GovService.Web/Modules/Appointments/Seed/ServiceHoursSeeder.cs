using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Appointments.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Appointments.Seed;

/// <summary>
/// The demo county's service hours: the county centre 08:30–12:00 and 14:30–17:30 on weekdays, 延时服务 to 19:00 on
/// Tuesday and Thursday and Saturday mornings 09:00–12:00 by appointment only; 城关镇's centre 中午不打烊 (08:30–17:30);
/// the other township centres the plain hours; village stations 08:30–17:30.
/// </summary>
internal sealed class ServiceHoursSeeder(GovDbContext db, IOrganizationDirectory organization) : ISeeder
{
    public int Order => 55;

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.Demo || await db.Set<OpeningPeriod>().AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var hall in await organization.HallDetailsAsync(cancellationToken))
        {
            if (hall.IsCountyCentre)
            {
                Week(hall.Id, (8, 30, 12, 0), (14, 30, 17, 30));
                Add(hall.Id, DayOfWeek.Tuesday, PeriodKind.Extended, (17, 30, 19, 0));
                Add(hall.Id, DayOfWeek.Thursday, PeriodKind.Extended, (17, 30, 19, 0));
                Add(hall.Id, DayOfWeek.Saturday, PeriodKind.AppointmentOnly, (9, 0, 12, 0));
            }
            else if (hall.Name.StartsWith("城关镇", StringComparison.Ordinal) || !hall.Windows.Any(w => w.Category == WindowCategory.Comprehensive))
            {
                Week(hall.Id, (8, 30, 17, 30));
            }
            else
            {
                Week(hall.Id, (8, 30, 12, 0), (14, 30, 17, 30));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Week(Guid hallId, params (int H1, int M1, int H2, int M2)[] periods)
    {
        foreach (var day in Weekdays)
        {
            foreach (var p in periods)
            {
                Add(hallId, day, PeriodKind.Regular, p);
            }
        }
    }

    private void Add(Guid hallId, DayOfWeek day, PeriodKind kind, (int H1, int M1, int H2, int M2) p) =>
        db.Add(new OpeningPeriod { HallId = hallId, Day = day, Kind = kind, Starts = new TimeOnly(p.H1, p.M1), Ends = new TimeOnly(p.H2, p.M2) });
}
