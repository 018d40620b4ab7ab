using GovService.Web.Modules.Hall.Queries;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Hall.Controllers;

/// <summary>叫号显示屏: the hall's calling screen, no login; live over <see cref="Live.HallHub"/>, names masked.</summary>
[Area(HallModule.Name)]
[HallScreen]
public sealed class DisplayController(QueueQueries queue) : Controller
{
    [HttpGet("hall/{hallId:guid}/display")]
    public async Task<IActionResult> Index(Guid hallId, CancellationToken ct) =>
        await queue.DisplayAsync(hallId, ct) is { } state ? View(state) : NotFound();

    /// <summary>The same state as JSON: what the screen reloads when it reconnects.</summary>
    [HttpGet("hall/{hallId:guid}/display/state")]
    public async Task<IActionResult> State(Guid hallId, CancellationToken ct) =>
        await queue.DisplayAsync(hallId, ct) is { } state ? Json(state) : NotFound();
}
