using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Certificates.Issuance;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace GovService.Web.Modules.Certificates.Controllers;

/// <summary>
/// 证照核验, for anyone who scans a licence's QR code: genuine or not, valid, revoked or expired, with the
/// holder masked; and the same as JSON with the published key for offline verification.
/// </summary>
[Area(CertificatesModule.Name)]
[AllowAnonymous]
public sealed class VerifyController(LicenceVerification verification, LicenceSigner signer) : Controller
{
    [HttpGet("verify")]
    public IActionResult Form([MaxLength(120)] string? identifier) =>
        string.IsNullOrWhiteSpace(identifier) ? View("Index", (Verification?)null) : Redirect($"/verify/{Uri.EscapeDataString(identifier.Trim())}");

    [HttpGet("verify/{identifier}")]
    [EnableRateLimiting(RateLimitPolicies.Lookup)]
    public async Task<IActionResult> Index(string identifier, [MaxLength(256)] string? s, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var result = await verification.VerifyAsync(identifier, s, ct);
        if (!result.Genuine)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View("Index", result);
    }

    [HttpGet("api/v1/certificates/{identifier}/verify")]
    [EnableRateLimiting(RateLimitPolicies.Lookup)]
    [Produces("application/json")]
    public async Task<IActionResult> Api(string identifier, [MaxLength(256)] string? s, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var result = await verification.VerifyAsync(identifier, s, ct);
        var l = result.Licence;
        var body = new
        {
            identifier = result.Identifier,
            genuine = result.Genuine,
            status = result.Status,
            name = l?.Name,
            number = l?.Number,
            issuer = l?.IssuerName,
            issuerCode = l?.IssuerCode,
            issuedOn = l?.IssuedOn,
            validUntil = l?.ValidUntil,
            holder = l is null ? null : Shared.Identity.NameMask.Mask(l.HolderName, l.HolderCodeType == "001"),
            keyId = l?.KeyId,
        };
        return result.Genuine ? Ok(body) : NotFound(body);
    }

    /// <summary>The public key(s) licences are signed with, for offline verification (ES256 over the canonical JSON).</summary>
    [HttpGet("api/v1/certificates/keys")]
    [Produces("application/json")]
    public IActionResult Keys() => Ok(new
    {
        algorithm = "ECDSA P-256 SHA-256 (IEEE P1363 signature, base64)",
        canonicalForm = "UTF-8 JSON of the licence fields with keys in ordinal order (docs/domain/certificates.md)",
        keys = new[] { new { keyId = signer.KeyId, publicKeyPem = signer.PublicKeyPem } },
    });
}
