using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Calendar.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Calendar.Import;

/// <summary>
/// Loads the notices shipped with the application (Data/Notices/cn-holidays-YYYY.json) for every year
/// not loaded yet. Reference data: runs in every environment, demo or not. An administrator's later
/// import of the same year is never overwritten.
/// </summary>
internal sealed class BundledNoticeSeeder(GovDbContext db, HolidayNoticeParser parser, HolidayNoticeImporter importer, IWebHostEnvironment environment, ILogger<BundledNoticeSeeder> logger) : ISeeder
{
    public int Order => 5;

    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Modules", "Calendar", "Data", "Notices");
        if (!Directory.Exists(folder))
        {
            folder = Path.Combine(environment.ContentRootPath, "Modules", "Calendar", "Data", "Notices");
        }

        var loaded = await db.Set<CalendarYear>().Select(y => y.Year).ToListAsync(cancellationToken);
        foreach (var file in Directory.EnumerateFiles(folder, "cn-holidays-*.json").Order())
        {
            await using var stream = File.OpenRead(file);
            var (notice, errors) = await parser.ParseAsync(stream, cancellationToken);
            if (notice is null)
            {
                throw new InvalidOperationException($"Bundled holiday notice {Path.GetFileName(file)} is invalid: {string.Join("; ", errors)}");
            }

            if (loaded.Contains(notice.Year))
            {
                continue;
            }

            await importer.ImportAsync(notice, CalendarYear.LoadedAtSetUp, cancellationToken);
            logger.LogInformation("Bundled holiday notice {Year} loaded", notice.Year);
        }
    }
}
