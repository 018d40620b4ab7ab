using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Modules.Assistance.Domain;
using GovService.Web.Modules.Assistance.Mandates;
using GovService.Web.Modules.Assistance.Requests;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Assistance.Controllers;

/// <summary>
/// 代办员工作台 (<c>/agent</c>): the pools the agent serves, the requests they hold with their clocks, their mandates; a
/// request written down at the village station, its acceptance, the contact log, the signed mandate recorded, the case
/// filed (through the application form, within the mandate), a 帮办 closed. A request or mandate that is not the agent's
/// to see answers 404.
/// </summary>
[Area(AssistanceModule.Name)]
[Authorize(Roles = Roles.Agent)]
[Route("agent")]
public sealed class AgentDeskController(
    RequestQueries queries,
    AssistancePages pages,
    AskForAssistance ask,
    WorkOnRequest work,
    GrantMandate grant,
    MandateQueries mandates,
    TimeProvider clock) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private Task<AgentInfo?> AgentAsync(CancellationToken ct) => queries.AgentAsync(Me, ct);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        await AgentAsync(ct) is { } agent ? View(await queries.DeskAsync(agent, clock.Today(), ct)) : Forbid();

    [HttpGet("requests/new")]
    public async Task<IActionResult> New([MaxLength(40)] string? item, [MaxLength(50)] string? q, CancellationToken ct)
    {
        if (await AgentAsync(ct) is not { } agent)
        {
            return Forbid();
        }

        ModelState.Clear();
        return View("~/Modules/Assistance/Views/MyAssistance/Ask.cshtml", await pages.AskAsync(new RequestForm { Item = item, Village = agent.RegionId }, "/agent/requests/new", q, ct, namesApplicant: true));
    }

    [HttpPost("requests/new")]
    public async Task<IActionResult> Record(RequestForm form, CancellationToken ct)
    {
        if (await AgentAsync(ct) is not { } agent)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var result = await ask.RunAsync(form, new Recorder(RequestChannel.Station, agent.Name, Agent: agent), ct);
            if (result.Request is { } made)
            {
                TempData["Flash"] = "Assistance.Recorded";
                return Redirect($"/agent/requests/{made.Id}");
            }

            ModelState.AddErrors(result.Errors);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("~/Modules/Assistance/Views/MyAssistance/Ask.cshtml", await pages.AskAsync(form, "/agent/requests/new", null, ct, namesApplicant: true));
    }

    [HttpGet("requests/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await AgentAsync(ct) is { } agent && await queries.ForAgentAsync(agent, id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("requests/{id:guid}/accept")]
    public async Task<IActionResult> Accept(Guid id, CancellationToken ct) =>
        await AgentAsync(ct) is { } agent ? Done(id, await work.AcceptAsync(agent, id, ct), "Assistance.Accepted", lostTo: "/agent") : NotFound();

    [HttpPost("requests/{id:guid}/contact")]
    public async Task<IActionResult> Contact(Guid id, ContactWay way, [MaxLength(600)] string? note, CancellationToken ct) =>
        await AgentAsync(ct) is { } agent ? Done(id, await work.LogContactAsync(agent, id, way, note, ct), "Assistance.ContactLogged") : NotFound();

    [HttpPost("requests/{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, [MaxLength(600)] string? outcome, CancellationToken ct) =>
        await AgentAsync(ct) is { } agent ? Done(id, await work.CloseHelpAsync(agent, id, outcome, ct), "Assistance.Closed") : NotFound();

    [HttpPost("requests/{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, [MaxLength(600)] string? reason, CancellationToken ct) =>
        await AgentAsync(ct) is { } agent ? Done(id, await work.CancelAsync(agent, id, reason, ct), "Assistance.Cancelled") : NotFound();

    /// <summary>The mandate signed at the station; from a request, its applicant and item are filled in.</summary>
    [HttpGet("mandates/new")]
    public async Task<IActionResult> NewMandate(Guid? request, CancellationToken ct)
    {
        if (await AgentAsync(ct) is not { } agent)
        {
            return Forbid();
        }

        ModelState.Clear();
        var today = clock.Today();
        var form = new MandateForm { StartsOn = today, ExpiresOn = today.AddMonths(3), Request = request };
        if (request is { } id && await queries.ForAgentAsync(agent, id, ct) is { Request: var r } && r.AgentUserId == agent.UserId)
        {
            (form.CitizenName, form.CitizenIdNumber, form.CitizenMobile, form.ScopeCode) = (r.ApplicantName, r.ApplicantIdNumber, r.Mobile, r.ItemCode);
        }

        return View("~/Modules/Assistance/Views/MyAssistance/Grant.cshtml", await pages.GrantAsync(form, online: false, ct));
    }

    [HttpPost("mandates/new")]
    [RequestSizeLimit(11 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 11 * 1024 * 1024)]
    public async Task<IActionResult> RecordMandate(MandateForm form, CancellationToken ct)
    {
        if (await AgentAsync(ct) is null)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var result = await grant.SignedAsync(Me, form, ct);
            if (result.Mandate is { } made)
            {
                TempData["Flash"] = "Mandate.Recorded";
                return Redirect(form.Request is { } request ? $"/agent/requests/{request}" : $"/agent/mandates/{made.Id}");
            }

            ModelState.AddErrors(result.Errors);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("~/Modules/Assistance/Views/MyAssistance/Grant.cshtml", await pages.GrantAsync(form, online: false, ct));
    }

    [HttpGet("mandates/{id:guid}")]
    public async Task<IActionResult> Mandate(Guid id, CancellationToken ct) =>
        await mandates.OfAgentAsync(Me, id, ct) is { } page ? View("~/Modules/Assistance/Views/MyAssistance/Mandate.cshtml", page) : NotFound();

    [HttpGet("mandates/{id:guid}/scan")]
    public async Task<IActionResult> Scan(Guid id, CancellationToken ct) =>
        await mandates.OfAgentAsync(Me, id, ct) is { Mandate.SignedScan: { } scan } page ? File(scan, page.Mandate.SignedScanType) : NotFound();

    /// <param name="lostTo">Where a refused action goes (a request another agent accepted first is no longer this one's to see).</param>
    private IActionResult Done(Guid id, WorkOutcome outcome, string done, string? lostTo = null)
    {
        if (!outcome.Found)
        {
            return NotFound();
        }

        TempData[outcome.Error is null ? "Flash" : "FlashWarning"] = outcome.Error ?? done;
        return Redirect(outcome.Error is not null && lostTo is not null ? lostTo : $"/agent/requests/{id}");
    }
}
