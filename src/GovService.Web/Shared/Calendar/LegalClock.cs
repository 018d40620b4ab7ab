namespace GovService.Web.Shared.Calendar;

/// <summary>What a segment of a case's (or a step's) clock is, DESIGN §5.</summary>
public enum ClockSegmentKind
{
    /// <summary>补正 after acceptance: the applicant is supplying materials; the days do not count.</summary>
    PausedForSupplement = 2,

    /// <summary>特别程序 (听证, 检验检测, 专家评审, 现场踏勘 …, 行政许可法 art. 45): the days do not count.</summary>
    PausedForSpecialProcedure = 3,

    /// <summary>延长审批 (art. 42): approved extra working days, added to the limit.</summary>
    Extended = 4,
}

/// <summary>
/// A pause (from its start day to its end day, open while it lasts) or an extension of a clock. As with every
/// period of the law, the start day itself is not counted: a pause requested on Monday and answered on
/// Thursday stops the clock for Tuesday, Wednesday and Thursday (the working days among them).
/// </summary>
public sealed record ClockSegment(ClockSegmentKind Kind, DateOnly From, DateOnly? To, int ExtraWorkingDays = 0)
{
    public bool IsPause => Kind is ClockSegmentKind.PausedForSupplement or ClockSegmentKind.PausedForSpecialProcedure;

    public bool IsOpen => IsPause && To is null;
}

/// <summary>A pause as counted: the working days it stopped the clock (so far, when it is still open).</summary>
public sealed record CountedPause(ClockSegment Segment, int WorkingDays);

/// <summary>
/// The due date of one clock (promised, statutory or a step's) and everything needed to explain it: the
/// start, the limit, each pause with the working days it took, the extensions, and the working-day span
/// from the start to the due date (holidays skipped, 调休 days counted).
/// </summary>
public sealed record ClockReading(
    DateOnly Start,
    int LimitWorkingDays,
    IReadOnlyList<CountedPause> Pauses,
    int PausedWorkingDays,
    int ExtensionWorkingDays,
    WorkingDaySpan Span,
    int ElapsedWorkingDays)
{
    public DateOnly Due => Span.End;

    /// <summary>A pause is open: the due date moves on by every working day until it ends.</summary>
    public bool IsPaused => Pauses.Any(p => p.Segment.IsOpen);

    public bool IsProvisional => Span.IsProvisional;

    /// <summary>Working days left until the due date (negative when overdue); 0 on the due date.</summary>
    public int RemainingWorkingDays => LimitWorkingDays + ExtensionWorkingDays - ElapsedWorkingDays;
}

/// <summary>
/// The legal clock as segments (DESIGN §5): the due date is the start plus the limit, plus every working day
/// a pause took (overlapping pauses count once), plus the approved extensions, counted on the working
/// calendar. Pure: the same segments always give the same date, so it is recomputed on every change.
/// </summary>
public static class LegalClock
{
    public static ClockReading Read(WorkingCalendar calendar, DateOnly start, int limitWorkingDays, IEnumerable<ClockSegment> segments, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limitWorkingDays);
        var list = segments.ToList();
        var pausedDays = new HashSet<DateOnly>();
        var pauses = new List<CountedPause>();
        foreach (var pause in list.Where(s => s.IsPause).OrderBy(s => s.From))
        {
            var end = pause.To ?? (today > pause.From ? today : pause.From);
            var own = 0;
            for (var day = pause.From.AddDays(1); day <= end; day = day.AddDays(1))
            {
                if (calendar.IsWorkingDay(day))
                {
                    own++;
                    pausedDays.Add(day);
                }
            }

            pauses.Add(new CountedPause(pause, own));
        }

        var extension = list.Where(s => s.Kind == ClockSegmentKind.Extended).Sum(s => s.ExtraWorkingDays);
        var span = calendar.AddWorkingDays(start, limitWorkingDays + pausedDays.Count + extension);

        // Working days the clock has run: from the start to today, less the paused ones.
        var elapsed = 0;
        for (var day = start.AddDays(1); day <= today; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day) && !pausedDays.Contains(day))
            {
                elapsed++;
            }
        }

        return new ClockReading(start, limitWorkingDays, pauses, pausedDays.Count, extension, span, elapsed);
    }

    /// <summary>
    /// A limit as the catalog gives it: in working days (the usual, as <see cref="Read(WorkingCalendar, DateOnly, int, IEnumerable{ClockSegment}, DateOnly)"/>)
    /// or, for the few items that count them so, in natural days: then the limit and the pauses count every day. Every due
    /// date of a case comes from here: at acceptance (<see cref="AcceptanceDeadline"/>) and on every recomputation.
    /// </summary>
    public static ClockReading Read(WorkingCalendar calendar, DateOnly start, int limit, bool inWorkingDays, IReadOnlyList<ClockSegment> segments, DateOnly today)
    {
        var reading = Read(calendar, start, limit, segments, today);
        if (inWorkingDays)
        {
            return reading;
        }

        // Natural days skip nothing and need no holiday notice: such a date is never provisional.
        var paused = segments.Where(s => s.IsPause).Sum(s => Math.Max(0, (s.To ?? today).DayNumber - s.From.DayNumber));
        var due = start.AddDays(limit + paused + reading.ExtensionWorkingDays);
        return reading with { Span = reading.Span with { End = due, WorkingDays = limit, Skipped = [], AdjustedWorkdaysCounted = [], ProvisionalYears = [] } };
    }
}
