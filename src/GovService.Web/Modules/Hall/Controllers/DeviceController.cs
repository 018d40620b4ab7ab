using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Hall.Device;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Hall.Controllers;

/// <summary>
/// 评价器: the tablet at a window, opened with the window's device key (no citizen login). It shows who serves and,
/// when the service ends, asks for 好差评; a wrong key finds nothing.
/// </summary>
[Area(HallModule.Name)]
[HallScreen]
[Route("hall/device/{windowId:guid}")]
public sealed class DeviceController(RateAtDevice device) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid windowId, [MaxLength(64)] string? key, CancellationToken ct)
    {
        if (await device.DeviceAsync(windowId, key, ct) is not { } paired)
        {
            return NotFound();
        }

        ViewData["Key"] = key;
        return View(await device.StateAsync(paired, ct));
    }

    [HttpGet("state")]
    public async Task<IActionResult> State(Guid windowId, [MaxLength(64)] string? key, CancellationToken ct) =>
        await device.DeviceAsync(windowId, key, ct) is { } paired ? Json(await device.StateAsync(paired, ct)) : NotFound();

    [HttpPost("rate")]
    public async Task<IActionResult> Rate(Guid windowId, [MaxLength(64)] string? key, Guid ticketId, int level, [MaxLength(RateAtDevice.CommentMax)] string? comment, CancellationToken ct)
    {
        if (await device.DeviceAsync(windowId, key, ct) is not { } paired)
        {
            return NotFound();
        }

        ViewData["Key"] = key;
        if (!ModelState.IsValid)
        {
            ViewData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return View("Index", await device.StateAsync(paired, ct));
        }

        var (outcome, error) = await device.RunAsync(paired, ticketId, level, comment, ct);
        if (outcome is DeviceRateOutcome.Invalid or DeviceRateOutcome.NotFound)
        {
            ViewData["Error"] = error;
            ViewData["Comment"] = comment;
            return View("Index", await device.StateAsync(paired, ct));
        }

        ViewData["Thanks"] = true;
        return View("Index", await device.StateAsync(paired, ct));
    }
}
