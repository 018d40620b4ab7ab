using GovService.Web;
using GovService.Web.Modules.Calendar.Import;
using GovService.Web.Shared.Calendar;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Localization;

namespace GovService.UnitTests.Calendar;

/// <summary>The notices shipped with the application, parsed by the application's own parser.</summary>
internal static class Notices
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Modules", "Calendar", "Data", "Notices");

    public static HolidayNoticeParser Parser() => new(Localizer());

    public static IStringLocalizer<SharedResource> Localizer() =>
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    public static WorkingCalendar LoadCalendar()
    {
        var parser = Parser();
        var days = new List<ExceptionalDate>();
        var years = new List<int>();
        foreach (var file in Directory.EnumerateFiles(Folder, "cn-holidays-*.json"))
        {
            using var stream = File.OpenRead(file);
            var (notice, errors) = parser.ParseAsync(stream, CancellationToken.None).GetAwaiter().GetResult();
            Assert.True(notice is not null, string.Join("; ", errors));
            years.Add(notice.Year);
            days.AddRange(notice.Days.Select(d => new ExceptionalDate(d.Date, d.IsOffDay, d.Name)));
        }

        Assert.Equal([2025, 2026], years.Order());
        return new WorkingCalendar(days, years);
    }
}
