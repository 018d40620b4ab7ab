using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Modules.Assistance.Mandates;
using GovService.Web.Modules.Assistance.Requests;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Assistance.Controllers;

/// <summary>
/// The citizen's side of the 代办 network: asking for 代办 / 上门办 / 帮办 and following it (<c>/my/assistance</c>), and the
/// mandates they grant agents, with every act of the agent under each (<c>/my/mandates</c>). Another's answers 404.
/// </summary>
[Area(AssistanceModule.Name)]
[Authorize(Roles = Roles.Citizen)]
public sealed class MyAssistanceController(
    AssistancePages pages,
    AskForAssistance ask,
    CancelByCitizen cancel,
    RequestQueries requests,
    GrantMandate grant,
    ChangeMandate change,
    MandateQueries mandates,
    TimeProvider clock) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("my/assistance")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await requests.OfCitizenAsync(Me, ct));

    [HttpGet("my/assistance/new")]
    public async Task<IActionResult> New([MaxLength(40)] string? item, [MaxLength(50)] string? q, CancellationToken ct)
    {
        ModelState.Clear();
        return View("Ask", await pages.AskAsync(new RequestForm { Item = item }, "/my/assistance/new", q, ct));
    }

    [HttpPost("my/assistance/new")]
    public async Task<IActionResult> Ask(RequestForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await ask.RunAsync(form, new Recorder(Domain.RequestChannel.Online, User.Identity!.Name ?? "", Me), ct);
            if (result.Request is { } made)
            {
                TempData["Flash"] = "Assistance.Made";
                return Redirect($"/my/assistance/{made.Id}");
            }

            ModelState.AddErrors(result.Errors);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Ask", await pages.AskAsync(form, "/my/assistance/new", null, ct));
    }

    [HttpGet("my/assistance/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) => await requests.OfCitizenAsync(Me, id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("my/assistance/{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, CancellationToken ct)
    {
        var outcome = await cancel.RunAsync(Me, id, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        TempData[outcome.Error is null ? "Flash" : "FlashWarning"] = outcome.Error ?? "Assistance.Cancelled";
        return Redirect($"/my/assistance/{id}");
    }

    [HttpGet("my/mandates")]
    public async Task<IActionResult> Mandates(CancellationToken ct) => View(await mandates.OfCitizenAsync(Me, ct));

    [HttpGet("my/mandates/new")]
    public async Task<IActionResult> NewMandate(MandateForm form, CancellationToken ct)
    {
        ModelState.Clear();
        var today = clock.Today();
        form.StartsOn ??= today;
        form.ExpiresOn ??= today.AddMonths(3);
        return View("Grant", await pages.GrantAsync(form, online: true, ct));
    }

    [HttpPost("my/mandates/new")]
    public async Task<IActionResult> Grant(MandateForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await grant.OnlineAsync(Me, form, ct);
            if (result.Mandate is { } made)
            {
                TempData["Flash"] = "Mandate.Granted";
                return Redirect($"/my/mandates/{made.Id}");
            }

            ModelState.AddErrors(result.Errors);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Grant", await pages.GrantAsync(form, online: true, ct));
    }

    [HttpGet("my/mandates/{id:guid}")]
    public async Task<IActionResult> Mandate(Guid id, CancellationToken ct) => await mandates.OfCitizenAsync(Me, id, ct) is { } page ? View(page) : NotFound();

    [HttpGet("my/mandates/{id:guid}/scan")]
    public async Task<IActionResult> Scan(Guid id, CancellationToken ct) =>
        await mandates.OfCitizenAsync(Me, id, ct) is { Mandate.SignedScan: { } scan } page ? File(scan, page.Mandate.SignedScanType) : NotFound();

    [HttpPost("my/mandates/{id:guid}/extend")]
    public async Task<IActionResult> Extend(Guid id, DateOnly? to, CancellationToken ct) =>
        Changed(id, await change.ExtendAsync(Me, id, to, ct), "Mandate.Extended");

    [HttpPost("my/mandates/{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken ct) =>
        Changed(id, await change.RevokeAsync(Me, id, ct), "Mandate.Revoked");

    private IActionResult Changed(Guid id, ChangeOutcome outcome, string done)
    {
        if (!outcome.Found)
        {
            return NotFound();
        }

        TempData[outcome.Error is null ? "Flash" : "FlashWarning"] = outcome.Error ?? done;
        return Redirect($"/my/mandates/{id}");
    }
}
