using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Calendar.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Calendar.Import;

/// <summary>The holiday-cn JSON shape: <c>{ "year": 2026, "source": "…", "days": [{ "name", "date", "isOffDay" }] }</c>.</summary>
public sealed class HolidayNotice
{
    [JsonPropertyName("year")]
    public int Year { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("days")]
    public List<HolidayNoticeDay>? Days { get; set; }
}

public sealed class HolidayNoticeDay
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("date")]
    public string? Date { get; set; }

    [JsonPropertyName("isOffDay")]
    public bool? IsOffDay { get; set; }
}

public sealed record ParsedNotice(int Year, string Source, IReadOnlyList<CalendarDay> Days);

/// <summary>Reads a year's notice and refuses it with every problem listed at once when it is wrong.</summary>
public sealed class HolidayNoticeParser(IStringLocalizer<SharedResource> l)
{
    public const long MaxFileBytes = 256 * 1024;

    public async Task<(ParsedNotice? Notice, IReadOnlyList<string> Errors)> ParseAsync(Stream json, CancellationToken ct)
    {
        HolidayNotice? notice;
        try
        {
            notice = await JsonSerializer.DeserializeAsync<HolidayNotice>(json, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            return (null, [l["Calendar.Import.NotJson", e.LineNumber.GetValueOrDefault() + 1]]);
        }

        var errors = new List<string>();
        if (notice is null || notice.Year is < 2000 or > 2100)
        {
            return (null, [l["Calendar.Import.NoYear"]]);
        }

        if (notice.Days is null || notice.Days.Count == 0)
        {
            return (null, [l["Calendar.Import.NoDays"]]);
        }

        var days = new List<CalendarDay>();
        for (var i = 0; i < notice.Days.Count; i++)
        {
            var entry = notice.Days[i];
            var row = i + 1;
            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(l["Calendar.Import.BadDate", row, entry.Date ?? ""]);
                continue;
            }

            if (date.Year != notice.Year)
            {
                errors.Add(l["Calendar.Import.WrongYear", row, entry.Date!, notice.Year]);
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add(l["Calendar.Import.NoName", row]);
            }

            if (entry.IsOffDay is null)
            {
                errors.Add(l["Calendar.Import.NoIsOffDay", row]);
                continue;
            }

            if (entry.IsOffDay == false && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                // A 调休 working day is always a weekend day; a weekday "working day" is a typo in the file.
                errors.Add(l["Calendar.Import.WorkdayOnWeekday", row, entry.Date!]);
            }

            if (days.Any(d => d.Date == date))
            {
                errors.Add(l["Calendar.Import.Duplicate", row, entry.Date!]);
                continue;
            }

            days.Add(new CalendarDay { Date = date, Year = notice.Year, IsOffDay = entry.IsOffDay.Value, Name = entry.Name?.Trim() ?? "" });
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ParsedNotice(notice.Year, (notice.Source ?? "").Trim(), days), []);
    }

}

/// <summary>Replaces a year's exceptional dates with a parsed notice; the year then counts as loaded.</summary>
public sealed class HolidayNoticeImporter(GovDbContext db, TimeProvider clock, ILogger<HolidayNoticeImporter> logger)
{
    public async Task ImportAsync(ParsedNotice notice, string importedBy, CancellationToken ct)
    {
        // The seed runs inside the start-up transaction already; an admin's import gets its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.RemoveRange(await db.Set<CalendarDay>().Where(d => d.Year == notice.Year).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.AddRange(notice.Days);

        var year = await db.Set<CalendarYear>().FindAsync([notice.Year], ct) ?? db.Add(new CalendarYear { Year = notice.Year }).Entity;
        year.Source = notice.Source;
        year.ImportedAt = clock.GetUtcNow();
        year.ImportedBy = importedBy;
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        logger.LogInformation("Holiday notice for {Year} imported by {User}: {Days} exceptional dates", notice.Year, importedBy, notice.Days.Count);
    }
}
