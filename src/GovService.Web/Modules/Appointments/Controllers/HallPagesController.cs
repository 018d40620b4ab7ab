using GovService.Web.Infrastructure.Web;
using GovService.Web.Modules.Appointments.Hours;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovService.Web.Modules.Appointments.Controllers;

/// <summary>A hall's public page: address, windows, service hours (服务时间) and blackouts ahead.</summary>
[Area(AppointmentsModule.Name)]
[Route("halls")]
public sealed class HallPagesController(ServiceHoursQueries hours) : Controller
{
    [HttpGet("{id:guid}")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) => await hours.HallPageAsync(id, ct) is { } page ? View(page) : NotFound();
}
