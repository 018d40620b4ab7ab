using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace GovService.Web.Modules.Certificates.Controllers;

public sealed record LicencePage(Licence Licence, string VerifyUrl, string QrDataUri, bool MayRevoke);

/// <summary>
/// 我的证照 (the holder's wallet) and the printable licence with its QR code, for the holder, the staff of
/// the hall that delivers it and the issuing department, which alone may revoke it. Anyone else: 404.
/// </summary>
[Area(CertificatesModule.Name)]
[Authorize]
public sealed class LicencesController(GovDbContext db, IOrganizationDirectory organization, IEnumerable<Intake.Contracts.ILicenceUseCheck> useChecks, TimeProvider clock, ILogger<LicencesController> logger) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("my/licences")]
    [Authorize(Roles = Roles.Citizen)]
    public async Task<IActionResult> Wallet(CancellationToken ct) =>
        View(await db.Set<Licence>().AsNoTracking().Where(x => x.HolderUserId == Me).OrderBy(x => x.State).ThenByDescending(x => x.IssuedOn).ThenByDescending(x => x.CreatedAt).ToListAsync(ct));

    /// <summary>The licence; staff opening it are recorded with the reason they give (用证事由), the holder is not.</summary>
    [HttpGet("licences/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [MaxLength(300)] string? reason, CancellationToken ct)
    {
        var licence = await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var (may, mayRevoke) = licence is null ? (false, false) : await AccessAsync(licence, ct);
        if (licence is null || !may)
        {
            return NotFound();
        }

        if (licence.HolderUserId != Me)
        {
            var staff = await organization.FindStaffAsync(Me, ct);
            db.Add(new LicenceUse
            {
                LicenceId = id,
                StaffId = staff?.StaffId,
                StaffName = staff?.Name ?? User.Identity?.Name ?? "",
                Office = staff?.HallName ?? staff?.DepartmentName ?? "",
                Reason = string.IsNullOrWhiteSpace(reason) ? "查看证照" : reason.Trim()[..Math.Min(300, reason.Trim().Length)],
                At = clock.GetUtcNow().ToUniversalTime(),
            });
            await db.SaveChangesAsync(ct);
        }

        ViewData["Uses"] = await db.Set<LicenceUse>().AsNoTracking().Where(u => u.LicenceId == id).OrderByDescending(u => u.Id).Take(20).ToListAsync(ct);

        var url = VerifyUrl(licence);
        return View(new LicencePage(licence, url, "data:image/png;base64," + Convert.ToBase64String(QrPng(url)), mayRevoke));
    }

    /// <summary>The licence as a PDF (A4, Chinese in an embedded font, with the QR code); same readers as the page.</summary>
    [HttpGet("licences/{id:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid id, [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var licence = await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var (may, _) = licence is null ? (false, false) : await AccessAsync(licence, ct);
        if (licence is null || !may)
        {
            return NotFound();
        }

        if (!Issuance.LicencePdf.FontAvailable)
        {
            logger.LogError("The CJK font {Font} is missing: apt-get install fonts-droid-fallback", Issuance.LicencePdf.FontFile);
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var url = VerifyUrl(licence);
        var pdf = Issuance.LicencePdf.Render(licence, url, key => l[key].Value);
        Response.Headers.CacheControl = "private, no-store";
        return File(pdf, "application/pdf", $"{licence.Number}.pdf");
    }

    /// <summary>What the QR code opens: the verify page with the identifier and the 核验码, which public verification asks for.</summary>
    private string VerifyUrl(Licence licence) => $"{Request.Scheme}://{Request.Host}/verify/{licence.Identifier}?code={licence.VerificationCode}";

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
        var licence = await db.Set<Licence>().FirstOrDefaultAsync(x => x.Id == id, ct);
        var (_, mayRevoke) = licence is null ? (false, false) : await AccessAsync(licence, ct);
        if (licence is null || !mayRevoke)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason) || !ModelState.IsValid || licence.State != LicenceState.Valid)
        {
            TempData["Flash"] = "Licence.RevokeRefused";
            return Redirect($"/licences/{id}");
        }

        licence.State = LicenceState.Revoked;
        licence.RevokedAt = clock.GetUtcNow().ToUniversalTime();
        licence.RevokeReason = reason.Trim();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Licence {Identifier} revoked by {User}", licence.Identifier, User.Identity?.Name);
        TempData["Flash"] = "Licence.Revoked";
        return Redirect($"/licences/{id}");
    }

    private async Task<(bool May, bool MayRevoke)> AccessAsync(Licence licence, CancellationToken ct)
    {
        if (licence.HolderUserId == Me)
        {
            return (true, false);
        }

        if (User.IsInRole(Roles.Admin))
        {
            return (true, true);
        }

        var staff = await organization.FindStaffAsync(Me, ct);
        if (staff is null)
        {
            return (false, false);
        }

        var issuing = staff.DepartmentId is { } department && (await organization.DepartmentsAsync(ct)).Any(d => d.Id == department && d.CreditCode == licence.IssuerCode);
        var delivering = staff.HallId is not null && staff.HallId == licence.HallId;
        var usedHere = false;
        if (!issuing && !delivering && staff.HallId is { } hall)
        {
            foreach (var check in useChecks)
            {
                usedHere |= await check.UsedByHallAsync(licence.Id, hall, ct);
            }
        }

        return (issuing || delivering || usedHere, issuing && User.IsInRole(Roles.Reviewer));
    }
}
