using GovService.Web.Modules.Appointments.Hours;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Appointments.Controllers;

/// <summary>The administrators' page of each hall's service hours and blackouts.</summary>
public sealed record HoursAdminPage(HallDetails Hall, Domain.HallWeek Week, IReadOnlyList<string> Described, IReadOnlyList<Domain.Blackout> Blackouts, PeriodForm NewPeriod, BlackoutForm NewBlackout);

[Area(AppointmentsModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/service-hours")]
public sealed class ServiceHoursAdminController(IOrganizationDirectory organization, ServiceHoursQueries hours, EditServiceHours edit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var weeks = await hours.WeeksAsync(ct);
        return View((await organization.HallDetailsAsync(ct)).Select(h => (h, hours.Describe(weeks.GetValueOrDefault(h.Id) ?? new Domain.HallWeek([])))).ToList());
    }

    [HttpGet("{hallId:guid}")]
    public Task<IActionResult> Edit(Guid hallId, CancellationToken ct) => Page(hallId, new PeriodForm(), new BlackoutForm(), ct);

    [HttpPost("{hallId:guid}/periods")]
    public async Task<IActionResult> AddPeriod(Guid hallId, [Bind(Prefix = "NewPeriod")] PeriodForm form, CancellationToken ct)
    {
        if (await HallAsync(hallId, ct) is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && !ModelState.AddErrors((await edit.AddPeriodAsync(hallId, form, ct)).Select(e => ("NewPeriod." + e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return Redirect($"/admin/service-hours/{hallId}");
        }

        return await Page(hallId, form, new BlackoutForm(), ct);
    }

    [HttpPost("{hallId:guid}/periods/{periodId:guid}/remove")]
    public async Task<IActionResult> RemovePeriod(Guid hallId, Guid periodId, CancellationToken ct) =>
        await edit.RemovePeriodAsync(hallId, periodId, ct) ? Saved(hallId) : NotFound();

    [HttpPost("{hallId:guid}/blackouts")]
    public async Task<IActionResult> AddBlackout(Guid hallId, [Bind(Prefix = "NewBlackout")] BlackoutForm form, CancellationToken ct)
    {
        if (await HallAsync(hallId, ct) is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && !ModelState.AddErrors((await edit.AddBlackoutAsync(hallId, form, ct)).Select(e => ("NewBlackout." + e.Field, e.Message))))
        {
            return Saved(hallId);
        }

        return await Page(hallId, new PeriodForm(), form, ct);
    }

    [HttpPost("{hallId:guid}/blackouts/{blackoutId:guid}/remove")]
    public async Task<IActionResult> RemoveBlackout(Guid hallId, Guid blackoutId, CancellationToken ct) =>
        await edit.RemoveBlackoutAsync(hallId, blackoutId, ct) ? Saved(hallId) : NotFound();

    private RedirectResult Saved(Guid hallId)
    {
        TempData["Flash"] = "Common.Saved";
        return Redirect($"/admin/service-hours/{hallId}");
    }

    private async Task<HallDetails?> HallAsync(Guid hallId, CancellationToken ct) => (await organization.HallDetailsAsync(ct)).FirstOrDefault(h => h.Id == hallId);

    private async Task<IActionResult> Page(Guid hallId, PeriodForm period, BlackoutForm blackout, CancellationToken ct)
    {
        if (await HallAsync(hallId, ct) is not { } hall)
        {
            return NotFound();
        }

        var week = await hours.WeekOfAsync(hallId, ct);
        return View("Edit", new HoursAdminPage(hall, week, hours.Describe(week), await hours.BlackoutsAsync(hallId, ct), period, blackout));
    }
}
