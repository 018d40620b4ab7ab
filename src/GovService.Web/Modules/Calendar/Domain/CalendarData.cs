using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Infrastructure.Web;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Calendar.Domain;

/// <summary>One exceptional date of a year's notice: a holiday, or a weekend day worked instead (调休).</summary>
public sealed class CalendarDay : IAudited, IPublicContent
{
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public bool IsOffDay { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A year whose State Council notice is loaded; dates in other years fall back to Monday–Friday and are provisional.</summary>
public sealed class CalendarYear : IAudited, IPublicContent
{
    /// <summary>The <see cref="ImportedBy"/> of a notice shipped with the application and loaded when the database was set up.</summary>
    public const string LoadedAtSetUp = "seed";

    public int Year { get; set; }

    /// <summary>The notice's title as its file names it; empty when the file names none.</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>The administrator's account that imported the file, or <see cref="LoadedAtSetUp"/>.</summary>
    public string ImportedBy { get; set; } = "";

    public bool CameWithTheSystem => ImportedBy == LoadedAtSetUp;

    /// <summary>Files written before the source became optional stored the bare year instead of a title.</summary>
    public bool NamesItsSource => Source.Length > 0 && Source != Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the daily coverage job found: whether the coming year's notice is still missing.</summary>
public sealed class CalendarCoverageCheck
{
    public long Id { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public DateOnly Today { get; set; }
    public int? LastLoadedYear { get; set; }
    public bool CurrentYearMissing { get; set; }
    public bool NextYearMissing { get; set; }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("cal_days");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(50);
        builder.HasIndex(d => d.Year);
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.ToTable("cal_years");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Source).HasMaxLength(200);
        builder.Property(y => y.ImportedBy).HasMaxLength(256);
    }
}

internal sealed class CalendarCoverageCheckConfiguration : IEntityTypeConfiguration<CalendarCoverageCheck>
{
    public void Configure(EntityTypeBuilder<CalendarCoverageCheck> builder)
    {
        builder.ToTable("cal_coverage_checks");
    }
}

/// <summary>
/// Reads the calendar from the database on each request scope. The table holds a few dozen rows a
/// year, so there is no cross-request cache that a second instance could leave stale after an import.
/// </summary>
internal sealed class DatabaseWorkingCalendarProvider(GovDbContext db) : IWorkingCalendarProvider
{
    private WorkingCalendar? _calendar;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_calendar is not null)
        {
            return _calendar;
        }

        var days = await db.Set<CalendarDay>().AsNoTracking()
            .Select(d => new ExceptionalDate(d.Date, d.IsOffDay, d.Name))
            .ToListAsync(cancellationToken);
        var years = await db.Set<CalendarYear>().AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        return _calendar = new WorkingCalendar(days, years);
    }
}
