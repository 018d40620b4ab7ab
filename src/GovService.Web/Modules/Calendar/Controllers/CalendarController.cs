using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Calendar.Domain;
using GovService.Web.Modules.Calendar.Import;
using GovService.Web.Modules.Calendar.Jobs;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Calendar.Controllers;

public sealed record CalendarPage(
    IReadOnlyList<CalendarYear> Years,
    int ShownYear,
    IReadOnlyList<CalendarDay> Days,
    CalendarCoverageCheck? LastCheck,
    DateOnly Today,
    DateOnly? ComputeStart,
    int? ComputeDays,
    WorkingDaySpan? Computed);

[Area(CalendarModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/calendar")]
public sealed class CalendarController(
    GovDbContext db,
    IWorkingCalendarProvider calendars,
    HolidayNoticeParser parser,
    HolidayNoticeImporter importer,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, DateOnly? start, int? days, CancellationToken ct)
    {
        var today = clock.Today();
        var shown = year ?? today.Year;
        WorkingDaySpan? computed = null;
        if (start is { } s && days is { } n)
        {
            if (n is < 0 or > 365)
            {
                ModelState.AddModelError("days", l["Calendar.Compute.DaysRange"]);
            }
            else
            {
                computed = (await calendars.GetAsync(ct)).AddWorkingDays(s, n);
            }
        }

        return View(new CalendarPage(
            await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct),
            shown,
            await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Year == shown).OrderBy(d => d.Date).ToListAsync(ct),
            await db.Set<CalendarCoverageCheck>().AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct),
            today,
            start ?? today,
            days ?? 20,
            computed));
    }

    [HttpPost("import")]
    [RequestSizeLimit(HolidayNoticeParser.MaxFileBytes + 16 * 1024)]
    public async Task<IActionResult> Import(IFormFile? notice, CancellationToken ct)
    {
        if (notice is null || notice.Length == 0)
        {
            TempData["Errors"] = l["Calendar.Import.NoFile"].Value;
            return RedirectToAction(nameof(Index));
        }

        if (notice.Length > HolidayNoticeParser.MaxFileBytes)
        {
            TempData["Errors"] = l["Calendar.Import.TooLarge"].Value;
            return RedirectToAction(nameof(Index));
        }

        await using var stream = notice.OpenReadStream();
        var (parsed, errors) = await parser.ParseAsync(stream, ct);
        if (parsed is null)
        {
            TempData["Errors"] = string.Join("\n", errors);
            return RedirectToAction(nameof(Index));
        }

        await importer.ImportAsync(parsed, User.FindFirstValue(ClaimTypes.Name) ?? "admin", ct);
        TempData["Flash"] = "Calendar.Import.Done";
        return RedirectToAction(nameof(Index), new { year = parsed.Year });
    }

    [HttpPost("check")]
    public IActionResult RunCheck()
    {
        jobs.Enqueue<CalendarCoverageJob>(job => job.RunAsync(CancellationToken.None));
        TempData["Flash"] = "Calendar.Check.Queued";
        return RedirectToAction(nameof(Index));
    }
}
