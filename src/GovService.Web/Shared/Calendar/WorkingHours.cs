namespace GovService.Web.Shared.Calendar;

/// <summary>
/// Office hours of a working day (8:30–12:00 and 14:30–17:30, Asia/Shanghai, as the county's halls keep them) and deadlines
/// counted in them: "within 4 working hours" of a request made on Friday at 16:00 ends on Monday at 11:30, and a request
/// made on a holiday starts counting on the next working morning. Holidays and 调休 come from the working calendar.
/// </summary>
public static class WorkingHours
{
    private static readonly (TimeOnly From, TimeOnly To)[] Periods =
        [(new TimeOnly(8, 30), new TimeOnly(12, 0)), (new TimeOnly(14, 30), new TimeOnly(17, 30))];

    /// <summary>Office hours in one working day.</summary>
    public static double PerDay => Periods.Sum(p => (p.To - p.From).TotalHours);

    /// <summary>The moment <paramref name="hours"/> office hours after <paramref name="start"/>.</summary>
    public static DateTimeOffset Add(WorkingCalendar calendar, DateTimeOffset start, double hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        var local = start.ToChinaTime();
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var left = TimeSpan.FromHours(hours);
        // Ten years of days at most: a calendar without working days cannot loop for ever.
        for (var guard = 0; guard < 3660; guard++, day = day.AddDays(1), time = TimeOnly.MinValue)
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            foreach (var (from, to) in Periods)
            {
                var begin = time > from ? time : from;
                if (begin >= to)
                {
                    continue;
                }

                var available = to - begin;
                if (left <= available)
                {
                    return ChinaTime.At(day, begin.Add(left));
                }

                left -= available;
            }
        }

        throw new InvalidOperationException("The working calendar has no working day in ten years.");
    }

    /// <summary>Office hours between two moments (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public static double Between(WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var start = from.ToChinaTime();
        var end = to.ToChinaTime();
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start); day <= DateOnly.FromDateTime(end); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            foreach (var (periodFrom, periodTo) in Periods)
            {
                var begin = day.ToDateTime(periodFrom);
                var finish = day.ToDateTime(periodTo);
                begin = begin < start ? start : begin;
                finish = finish > end ? end : finish;
                if (finish > begin)
                {
                    total += finish - begin;
                }
            }
        }

        return total.TotalHours;
    }
}
