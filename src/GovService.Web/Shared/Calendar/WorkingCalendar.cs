namespace GovService.Web.Shared.Calendar;

/// <summary>A date the State Council's notice makes different from an ordinary week: a holiday on a weekday or a 调休 working weekend day.</summary>
public sealed record ExceptionalDate(DateOnly Date, bool IsOffDay, string Name);

public enum SkipReason
{
    Weekend,
    Holiday,
}

public sealed record SkippedDay(DateOnly Date, SkipReason Reason, string? HolidayName);

/// <summary>
/// The result of counting working days, with everything needed to explain it to a citizen:
/// which days were skipped and why, which 调休 weekend days were counted, and whether any day
/// fell in a year whose holiday notice is not loaded yet (then the date is provisional).
/// </summary>
public sealed record WorkingDaySpan(
    DateOnly Start,
    int WorkingDays,
    DateOnly End,
    IReadOnlyList<SkippedDay> Skipped,
    IReadOnlyList<DateOnly> AdjustedWorkdaysCounted,
    IReadOnlyList<int> ProvisionalYears)
{
    public bool IsProvisional => ProvisionalYears.Count > 0;

    /// <summary>Skipped holidays as runs of consecutive days with one name ("10-01 至 10-07 国庆节"), for explanations.</summary>
    public IReadOnlyList<HolidayRun> HolidayRuns()
    {
        var runs = new List<HolidayRun>();
        foreach (var day in Skipped.Where(s => s.Reason == SkipReason.Holiday))
        {
            if (runs.Count > 0 && runs[^1].Name == day.HolidayName && runs[^1].To.AddDays(1) == day.Date)
            {
                runs[^1] = runs[^1] with { To = day.Date };
            }
            else
            {
                runs.Add(new HolidayRun(day.Date, day.Date, day.HolidayName ?? ""));
            }
        }

        return runs;
    }
}

public sealed record HolidayRun(DateOnly From, DateOnly To, string Name);

/// <summary>
/// The working calendar of 行政许可法 art. 82: weekends and statutory holidays do not count,
/// adjusted working weekend days (调休) do. Pure and immutable: built from the exceptional dates
/// stored in the database, so every computation can be unit tested.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, ExceptionalDate> _exceptions;
    private readonly HashSet<int> _loadedYears;

    public WorkingCalendar(IEnumerable<ExceptionalDate> exceptions, IEnumerable<int> loadedYears)
    {
        _exceptions = exceptions.ToDictionary(e => e.Date);
        _loadedYears = [.. loadedYears];
    }

    public IReadOnlyCollection<int> LoadedYears => _loadedYears;

    public int? LastLoadedYear => _loadedYears.Count == 0 ? null : _loadedYears.Max();

    public bool IsLoaded(int year) => _loadedYears.Contains(year);

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var exception) ? !exception.IsOffDay : !IsWeekend(date);

    public ExceptionalDate? ExceptionOn(DateOnly date) => _exceptions.GetValueOrDefault(date);

    /// <summary>
    /// The date on which a period of <paramref name="workingDays"/> working days that starts on
    /// <paramref name="start"/> ends. As the law counts periods, the start day itself is not
    /// counted (民法典 art. 201): accepting on a Monday with 1 working day gives Tuesday.
    /// Zero days ends on the start day (即办件).
    /// </summary>
    public WorkingDaySpan AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        var skipped = new List<SkippedDay>();
        var adjusted = new List<DateOnly>();
        var provisional = new SortedSet<int>();
        NoteYear(start, provisional);

        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            NoteYear(day, provisional);
            if (Classify(day, skipped, adjusted))
            {
                counted++;
            }
        }

        return new WorkingDaySpan(start, workingDays, day, skipped, adjusted, [.. provisional]);
    }

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/>; 0 when end ≤ start.</summary>
    public WorkingDaySpan CountWorkingDays(DateOnly start, DateOnly end)
    {
        var skipped = new List<SkippedDay>();
        var adjusted = new List<DateOnly>();
        var provisional = new SortedSet<int>();
        NoteYear(start, provisional);

        var counted = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            NoteYear(day, provisional);
            if (Classify(day, skipped, adjusted))
            {
                counted++;
            }
        }

        return new WorkingDaySpan(start, counted, end < start ? start : end, skipped, adjusted, [.. provisional]);
    }

    private bool Classify(DateOnly day, List<SkippedDay> skipped, List<DateOnly> adjusted)
    {
        if (_exceptions.TryGetValue(day, out var exception))
        {
            if (exception.IsOffDay)
            {
                skipped.Add(new SkippedDay(day, SkipReason.Holiday, exception.Name));
                return false;
            }

            if (IsWeekend(day))
            {
                adjusted.Add(day);
            }

            return true;
        }

        if (IsWeekend(day))
        {
            skipped.Add(new SkippedDay(day, SkipReason.Weekend, null));
            return false;
        }

        return true;
    }

    private void NoteYear(DateOnly day, SortedSet<int> provisional)
    {
        if (!_loadedYears.Contains(day.Year))
        {
            provisional.Add(day.Year);
        }
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

/// <summary>Gives the working calendar as currently stored; other modules compute deadlines through it.</summary>
public interface IWorkingCalendarProvider
{
    Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default);
}
