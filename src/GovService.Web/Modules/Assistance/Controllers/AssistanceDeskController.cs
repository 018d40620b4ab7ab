using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Modules.Assistance.Contracts;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Assistance.Figures;
using GovService.Web.Modules.Assistance.Requests;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Assistance.Controllers;

/// <summary>A request taken by telephone at a hall (电话预约代办), written down by the clerk: it goes to the pools like an online one.</summary>
[Area(AssistanceModule.Name)]
[Authorize(Roles = $"{Roles.Clerk},{Roles.ChiefRepresentative}")]
public sealed class PhoneRequestsController(AssistancePages pages, AskForAssistance ask, IOrganizationDirectory organization) : Controller
{
    [HttpGet("window/assistance/new")]
    public async Task<IActionResult> New([MaxLength(40)] string? item, [MaxLength(50)] string? q, CancellationToken ct)
    {
        ModelState.Clear();
        return View("~/Modules/Assistance/Views/MyAssistance/Ask.cshtml", await pages.AskAsync(new RequestForm { Item = item }, "/window/assistance/new", q, ct, namesApplicant: true));
    }

    [HttpPost("window/assistance/new")]
    public async Task<IActionResult> Record(RequestForm form, CancellationToken ct)
    {
        var clerk = await organization.FindStaffAsync(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), ct);
        if (ModelState.IsValid && clerk is not null)
        {
            var result = await ask.RunAsync(form, new Recorder(RequestChannel.Phone, clerk.Name), ct);
            if (result.Request is { } made)
            {
                TempData["Flash"] = "Assistance.RecordedByPhone";
                TempData["FlashArgument"] = made.Number;
                return Redirect("/window/assistance/new");
            }

            ModelState.AddErrors(result.Errors);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("~/Modules/Assistance/Views/MyAssistance/Ask.cshtml", await pages.AskAsync(form, "/window/assistance/new", null, ct, namesApplicant: true));
    }
}

/// <summary>
/// 代办回访 for supervisors (<c>/supervision/assistance</c>): the done requests of their region to call back, those not yet
/// called first, and the result of each call; the calls count in the 代办 figures of the dashboard and its CSV
/// (Supervision, through <see cref="IAgentFigures"/>).
/// </summary>
[Area(AssistanceModule.Name)]
[Authorize(Roles = Roles.Supervisor)]
[Route("supervision/assistance")]
public sealed class FollowUpsController(FollowUps followUps, IOrganizationDirectory organization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        await SupervisorAsync(ct) is { RegionId: { } region } ? View(await followUps.DueAsync(region, ct)) : Forbid();

    [HttpPost("{id:guid}/follow-up")]
    public async Task<IActionResult> FollowUp(Guid id, FollowUpResult? result, [MaxLength(600)] string? note, CancellationToken ct)
    {
        if (await SupervisorAsync(ct) is not { RegionId: { } region } supervisor)
        {
            return Forbid();
        }

        var outcome = await followUps.RecordAsync(region, supervisor.Name, id, result, note, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        TempData[outcome.Error is null ? "Flash" : "FlashWarning"] = outcome.Error ?? "Assistance.FollowUp.Recorded";
        return Redirect("/supervision/assistance");
    }

    private async Task<StaffPlacement?> SupervisorAsync(CancellationToken ct) =>
        await organization.FindStaffAsync(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), ct);
}
