using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Hall.Contracts;
using GovService.Web.Modules.Hall.Issuing;
using GovService.Web.Modules.Hall.Queries;
using GovService.Web.Modules.Hall.SelfService;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Hall.Controllers;

/// <summary>
/// 自助端: the hall's kiosk, no login, four functions — 取号, 预约签到, 办件查询, 打印证照. Nothing is kept between people:
/// the pages are never cached, no sign-in is read or written, what a person's steps need travels in the form as a
/// short-lived token bound to the hall (<see cref="KioskTokens"/>), and every page goes back to the empty menu after 60
/// seconds without a touch.
/// </summary>
[Area(HallModule.Name)]
[HallScreen]
public sealed class KioskController(DeskQueries pages, IQueueTickets tickets, QueueQueries queue, IStringLocalizer<SharedResource> l) : Controller
{
    private const int CodeMax = 20;

    /// <summary>The kiosk's menu.</summary>
    [HttpGet("hall/{hallId:guid}/kiosk")]
    public async Task<IActionResult> Home(Guid hallId, CancellationToken ct) =>
        await pages.KioskHallAsync(hallId, ct) is { } hall ? View(hall) : NotFound();

    [HttpGet("hall/{hallId:guid}/kiosk/ticket")]
    public async Task<IActionResult> Index(Guid hallId, [MaxLength(200)] string? q, CancellationToken ct) =>
        await pages.KioskAsync(hallId, new TicketForm(), q, ct) is { } page ? View(page) : NotFound();

    [HttpPost("hall/{hallId:guid}/kiosk/ticket")]
    public async Task<IActionResult> Take(Guid hallId, TicketForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var priority = form.Disabled ? PriorityReason.Disabled : PriorityReason.None;
            var issued = await tickets.IssueAsync(new TicketRequest(hallId, form.Category ?? 0, form.PersonName, form.IdNumber, form.Mobile, form.ItemCode, priority, null, TicketSource.Kiosk), ct);
            if (issued.Ticket is { } ticket)
            {
                return RedirectToAction(nameof(Slip), new { id = ticket.Id, kiosk = true });
            }

            foreach (var (field, message) in issued.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return await pages.KioskAsync(hallId, form, null, ct) is { } page ? View("Index", page) : NotFound();
    }

    /// <summary>排队凭条: the slip of a ticket, to print or photograph (the name masked).</summary>
    [HttpGet("hall/tickets/{id:guid}/slip")]
    public async Task<IActionResult> Slip(Guid id, bool kiosk, CancellationToken ct)
    {
        ViewData["Kiosk"] = kiosk;
        return await queue.SlipAsync(id, ct) is { } slip ? View(slip) : NotFound();
    }

    [HttpGet("hall/{hallId:guid}/kiosk/check-in")]
    public async Task<IActionResult> CheckIn(Guid hallId, CancellationToken ct) =>
        await pages.KioskHallAsync(hallId, ct) is { } hall ? View(new KioskCheckInPage(hall, null, null)) : NotFound();

    /// <summary>预约签到: the six-digit code gives the booking's priority ticket, then its slip. Rate-limited: codes are not to be guessed.</summary>
    [HttpPost("hall/{hallId:guid}/kiosk/check-in")]
    [EnableRateLimiting(RateLimitPolicies.Lookup)]
    public async Task<IActionResult> CheckInPost(Guid hallId, [MaxLength(CodeMax)] string? code, [FromServices] CheckInAppointment checkIn, CancellationToken ct)
    {
        if (await pages.KioskHallAsync(hallId, ct) is not { } hall)
        {
            return NotFound();
        }

        var result = ModelState.IsValid ? await checkIn.AtKioskAsync(hall.Id, code, ct) : null;
        if (result?.Ticket is { } ticket)
        {
            return RedirectToAction(nameof(Slip), new { id = ticket.Id, kiosk = true });
        }

        return View("CheckIn", new KioskCheckInPage(hall, code, result?.Error ?? ModelState["code"]?.Errors.FirstOrDefault()?.ErrorMessage));
    }

    [HttpGet("hall/{hallId:guid}/kiosk/case")]
    public async Task<IActionResult> Case(Guid hallId, CancellationToken ct) =>
        await pages.KioskHallAsync(hallId, ct) is { } hall ? View(new KioskCasePage(hall, null, null, false, null)) : NotFound();

    /// <summary>办件查询: the public status lookup, posted so the query code stays out of addresses and the browser's history.</summary>
    [HttpPost("hall/{hallId:guid}/kiosk/case")]
    [EnableRateLimiting(RateLimitPolicies.Lookup)]
    public async Task<IActionResult> CasePost(Guid hallId, [MaxLength(64)] string? number, [MaxLength(64)] string? queryCode, [FromServices] ICaseStatusLookup lookup, CancellationToken ct)
    {
        if (await pages.KioskHallAsync(hallId, ct) is not { } hall)
        {
            return NotFound();
        }

        var status = ModelState.IsValid ? await lookup.FindAsync(number, queryCode, ct) : null;
        return View("Case", new KioskCasePage(hall, number, queryCode, true, status));
    }

    [HttpGet("hall/{hallId:guid}/kiosk/licences")]
    public async Task<IActionResult> Licences(Guid hallId, CancellationToken ct) =>
        await pages.KioskHallAsync(hallId, ct) is { } hall ? View(new KioskLicencePage(hall, KioskLicenceStep.IdNumber)) : NotFound();

    /// <summary>打印证照, step 1: the ID number; a code goes to the account's mobile (one per ID number per minute).</summary>
    [HttpPost("hall/{hallId:guid}/kiosk/licences/code")]
    public async Task<IActionResult> SendCode(Guid hallId, [MaxLength(CodeMax)] string? idNumber, [FromServices] KioskWallet wallet, CancellationToken ct)
    {
        if (await pages.KioskHallAsync(hallId, ct) is not { } hall)
        {
            return NotFound();
        }

        var sent = ModelState.IsValid ? await wallet.SendCodeAsync(hall.Id, hall.Name, idNumber, ct) : null;
        return View("Licences", sent?.Token is { } token
            ? new KioskLicencePage(hall, KioskLicenceStep.Code) { Token = token, MobileTail = sent.MobileTail }
            : new KioskLicencePage(hall, KioskLicenceStep.IdNumber) { IdNumber = idNumber, Error = sent?.Error ?? ModelState["idNumber"]?.Errors.FirstOrDefault()?.ErrorMessage });
    }

    /// <summary>Step 2: the code; right, the person's valid licences; wrong, the code form again (or back to the start).</summary>
    [HttpPost("hall/{hallId:guid}/kiosk/licences/verify")]
    public async Task<IActionResult> Verify(Guid hallId, [MaxLength(KioskTokens.MaxLength)] string? token, [MaxLength(CodeMax)] string? code, [FromServices] KioskWallet wallet, CancellationToken ct)
    {
        if (await pages.KioskHallAsync(hallId, ct) is not { } hall)
        {
            return NotFound();
        }

        var checkedCode = ModelState.IsValid ? await wallet.CheckCodeAsync(hall.Id, token, code, ct) : null;
        return View("Licences", checkedCode switch
        {
            { WalletToken: { } walletToken } => new KioskLicencePage(hall, KioskLicenceStep.Wallet) { Token = walletToken, Licences = checkedCode.Licences },
            { StartAgain: false } => new KioskLicencePage(hall, KioskLicenceStep.Code) { Token = token, Error = checkedCode.Error },
            _ => new KioskLicencePage(hall, KioskLicenceStep.IdNumber) { Error = checkedCode?.Error ?? ModelState.Values.SelectMany(v => v.Errors).FirstOrDefault()?.ErrorMessage },
        });
    }

    /// <summary>Back to the wallet from a print page, while its token lasts.</summary>
    [HttpPost("hall/{hallId:guid}/kiosk/licences/wallet")]
    public async Task<IActionResult> Wallet(Guid hallId, [MaxLength(KioskTokens.MaxLength)] string? token, [FromServices] KioskWallet wallet, CancellationToken ct)
    {
        if (await pages.KioskHallAsync(hallId, ct) is not { } hall)
        {
            return NotFound();
        }

        var shown = ModelState.IsValid ? await wallet.WalletAsync(hall.Id, token, ct) : null;
        return View("Licences", shown?.WalletToken is { } walletToken
            ? new KioskLicencePage(hall, KioskLicenceStep.Wallet) { Token = walletToken, Licences = shown.Licences }
            : new KioskLicencePage(hall, KioskLicenceStep.IdNumber) { Error = shown?.Error });
    }

    /// <summary>The print page of one licence of the wallet: the licence's document in a frame, a print button, the way back.</summary>
    [HttpPost("hall/{hallId:guid}/kiosk/licences/{licenceId:guid}/print")]
    public async Task<IActionResult> Print(Guid hallId, Guid licenceId, [MaxLength(KioskTokens.MaxLength)] string? token, [FromServices] KioskWallet wallet, CancellationToken ct)
    {
        if (await pages.KioskHallAsync(hallId, ct) is not { } hall)
        {
            return NotFound();
        }

        return ModelState.IsValid && await wallet.PrintTokenAsync(hall.Id, token, licenceId, ct) is { } print
            ? View(new KioskPrintPage(hall, licenceId, print, token!))
            : View("Licences", new KioskLicencePage(hall, KioskLicenceStep.IdNumber) { Error = l["Hall.Kiosk.StartAgain"] });
    }

    /// <summary>
    /// The licence's PDF (the same document as the wallet's), shown in the print page's frame: the only kiosk answer
    /// that may be framed, and only by the portal's own pages.
    /// </summary>
    [HttpGet("hall/{hallId:guid}/kiosk/licences/{licenceId:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid hallId, Guid licenceId, [MaxLength(KioskTokens.MaxLength)] string? t, [FromServices] KioskWallet wallet, CancellationToken ct)
    {
        if (!Shared.Documents.OfficialPdf.FontAvailable)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (!ModelState.IsValid || await wallet.PdfAsync(hallId, licenceId, t, $"{Request.Scheme}://{Request.Host}", ct) is not { } pdf)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'self'";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return File(pdf, "application/pdf");
    }
}
