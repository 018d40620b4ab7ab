using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Certificates.Licences;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace GovService.Web.Modules.Certificates.Controllers;

public sealed record LicencePage(Licence Licence, string VerifyUrl, string QrDataUri, bool MayRevoke);

/// <summary>
/// 我的证照 (the holder's wallet) and the printable licence with its QR code, for the holder, the staff of
/// the hall that delivers it and the issuing department, which alone may revoke it. Anyone else: 404.
/// </summary>
[Area(CertificatesModule.Name)]
[Authorize]
public sealed class LicencesController(LicenceQueries licences, LicenceAccess access, RecordLicenceUse recordUse, RevokeLicence revoke, ILogger<LicencesController> logger) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("my/licences")]
    [Authorize(Roles = Roles.Citizen)]
    public async Task<IActionResult> Wallet(CancellationToken ct) =>
        View(await licences.WalletAsync(Me, ct));

    /// <summary>The licence; staff opening it are recorded with the reason they give (用证事由), the holder is not.</summary>
    [HttpGet("licences/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [MaxLength(RecordLicenceUse.ReasonMax)] string? reason, CancellationToken ct)
    {
        var licence = await licences.FindAsync(id, ct);
        var (may, mayRevoke) = licence is null ? (false, false) : await access.ForAsync(licence, Reader, ct);
        if (licence is null || !may)
        {
            return NotFound();
        }

        if (licence.HolderUserId != Me)
        {
            await recordUse.RunAsync(id, Me, User.Identity?.Name, reason, ct);
        }

        ViewData["Uses"] = await licences.UsesAsync(id, ct);

        var url = VerifyUrl(licence);
        return View(new LicencePage(licence, url, "data:image/png;base64," + Convert.ToBase64String(QrPng(url)), mayRevoke));
    }

    /// <summary>The licence as a PDF (A4, Chinese in an embedded font, with the QR code); same readers as the page.</summary>
    [HttpGet("licences/{id:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid id, [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var licence = await licences.FindAsync(id, ct);
        var (may, _) = licence is null ? (false, false) : await access.ForAsync(licence, Reader, ct);
        if (licence is null || !may)
        {
            return NotFound();
        }

        if (!Shared.Documents.OfficialPdf.FontAvailable)
        {
            logger.LogError("The CJK font {Font} is missing: apt-get install fonts-droid-fallback", Shared.Documents.OfficialPdf.CjkFontFile);
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var url = VerifyUrl(licence);
        var pdf = Issuance.LicencePdf.Render(licence, url, key => l[key].Value);
        Response.Headers.CacheControl = "private, no-store";
        return File(pdf, "application/pdf", $"{licence.Number}.pdf");
    }

    /// <summary>What the QR code opens: the verify page with the identifier and the 核验码, which public verification asks for.</summary>
    private string VerifyUrl(Licence licence) => licence.VerifyUrl($"{Request.Scheme}://{Request.Host}");

    private static byte[] QrPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(4);
    }

    /// <summary>吊销: by the issuing department (a reviewer of it) or an administrator, with the reason; verification says revoked at once.</summary>
    [HttpPost("licences/{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, [MaxLength(500)] string? reason, CancellationToken ct)
    {
        var outcome = await revoke.RunAsync(id, Reader, reason, ModelState.IsValid, User.Identity?.Name, ct);
        if (outcome == RevokeOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = outcome == RevokeOutcome.Revoked ? "Licence.Revoked" : "Licence.RevokeRefused";
        return Redirect($"/licences/{id}");
    }

    private LicenceReader Reader => new(Me, User.IsInRole(Roles.Admin), User.IsInRole(Roles.Reviewer));
}
