using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Calendar.Domain;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Calendar.Admin;

public sealed record CalendarPage(
    IReadOnlyList<CalendarYear> Years,
    int ShownYear,
    IReadOnlyList<CalendarDay> Days,
    CalendarCoverageCheck? LastCheck,
    DateOnly Today,
    DateOnly? ComputeStart,
    int? ComputeDays,
    WorkingDaySpan? Computed);

/// <summary>The administrators' calendar page: the years loaded, one year's days, the last coverage check.</summary>
public sealed class CalendarQueries(GovDbContext db)
{
    public async Task<CalendarPage> PageAsync(int shownYear, DateOnly today, DateOnly computeStart, int computeDays, WorkingDaySpan? computed, CancellationToken ct) =>
        new(
            await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct),
            shownYear,
            await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Year == shownYear).OrderBy(d => d.Date).ToListAsync(ct),
            await db.Set<CalendarCoverageCheck>().AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct),
            today,
            computeStart,
            computeDays,
            computed);
}
