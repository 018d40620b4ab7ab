using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Approval.Routing;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Approval.Controllers;

/// <summary>
/// 审批流程 maintained by administrators: ordered stages, parallel steps (会签 / 或签), departments, step
/// limits and the deciding step. Saving makes a new version; routed cases keep the steps they were given.
/// </summary>
[Area(ApprovalModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
[Route("admin/routes")]
public sealed class RoutesAdminController(RouteTemplates templates, SaveRouteTemplate save) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([MaxLength(200)] string? q, CancellationToken ct) => View(await templates.IndexAsync(q, ct));

    [HttpGet("{code}")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct)
    {
        var page = await templates.EditAsync(code, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{code}")]
    public async Task<IActionResult> Save(string code, List<StepRow> rows, CancellationToken ct)
    {
        var item = await templates.ItemAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        foreach (var problem in await save.RunAsync(new SaveRouteRequest(code, item, rows, User.Identity?.Name ?? "", ModelState.IsValid), ct))
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await templates.RefusedAsync(code, item, rows, ct));
        }

        TempData["Flash"] = "Routes.Saved";
        return Redirect($"/admin/routes/{code}");
    }
}
