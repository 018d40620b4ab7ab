using System.Security.Claims;
using GovService.Web.Modules.Calendar.Admin;
using GovService.Web.Modules.Calendar.Import;
using GovService.Web.Modules.Calendar.Jobs;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Calendar.Controllers;

[Area(CalendarModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/calendar")]
public sealed class CalendarController(
    CalendarQueries queries,
    IWorkingCalendarProvider calendars,
    ImportHolidayNotice import,
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

        return View(await queries.PageAsync(shown, today, start ?? today, days ?? 20, computed, ct));
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
        var (year, errors) = await import.RunAsync(stream, User.FindFirstValue(ClaimTypes.Name) ?? "admin", ct);
        if (year is null)
        {
            TempData["Errors"] = string.Join("\n", errors);
            return RedirectToAction(nameof(Index));
        }

        TempData["Flash"] = "Calendar.Import.Done";
        return RedirectToAction(nameof(Index), new { year });
    }

    [HttpPost("check")]
    public IActionResult RunCheck()
    {
        jobs.Enqueue<CalendarCoverageJob>(job => job.RunAsync(CancellationToken.None));
        TempData["Flash"] = "Calendar.Check.Queued";
        return RedirectToAction(nameof(Index));
    }
}
