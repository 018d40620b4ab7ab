using System.ComponentModel.DataAnnotations;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Certificates.Issuance;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace GovService.Web.Modules.Certificates.Controllers;

/// <summary>The signed form of a licence as handed out: check <c>signature</c> over the bytes of <c>payload</c> with the key <c>keyId</c> of /api/v1/certificates/keys.</summary>
/// <param name="Algorithm">ES256: ECDSA P-256 with SHA-256, the signature r‖s (IEEE P1363), base64.</param>
/// <param name="KeyId">The published key that signed it.</param>
/// <param name="Payload">The signed bytes, base64: UTF-8 canonical JSON.</param>
/// <param name="Canonical">The same bytes as text, for reading; verify over <c>payload</c>.</param>
/// <param name="Signature">Base64 signature over the payload's bytes.</param>
public sealed record SignedPayload(string Algorithm, string KeyId, string Payload, string Canonical, string Signature);

/// <summary>A genuine licence: its status now and its contents as signed (the holder masked in the signed form itself).</summary>
public sealed record VerifiedLicence(
    string Identifier, bool Genuine, string Status, string Name, string Number, string Issuer, string IssuerCode, DateOnly IssuedOn,
    DateOnly ValidFrom, DateOnly? ValidUntil, string Holder, string HolderCode, string? RevokeReason, string KeyId, SignedPayload SignedContent);

/// <summary>A published verification key.</summary>
public sealed record PublishedKey(string KeyId, string PublicKeyPem);

/// <summary>The keys licences are signed with and how to check a signature offline.</summary>
public sealed record PublishedKeys(string Algorithm, string CanonicalForm, IReadOnlyList<PublishedKey> Keys);

/// <summary>
/// 证照核验, for anyone holding a licence (its identifier and 核验码, both printed on it and in its QR code): genuine or
/// not, valid, revoked or expired, with the holder masked; the same as JSON with the exact signed payload, and the
/// published key, for verification offline.
/// </summary>
[Area(CertificatesModule.Name)]
[AllowAnonymous]
public sealed class VerifyController(LicenceVerification verification, LicenceSigner signer) : Controller
{
    [HttpGet("verify")]
    public IActionResult Form([MaxLength(120)] string? identifier, [MaxLength(256)] string? code) =>
        string.IsNullOrWhiteSpace(identifier)
            ? View("Index", (Verification?)null)
            : Redirect($"/verify/{Uri.EscapeDataString(identifier.Trim())}?code={Uri.EscapeDataString(code?.Trim() ?? "")}");

    [HttpGet("verify/{identifier}")]
    [EnableRateLimiting(RateLimitPolicies.Lookup)]
    public async Task<IActionResult> Index([MaxLength(120)] string identifier, [MaxLength(256)] string? code, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var result = await verification.VerifyAsync(identifier, code, ct);
        if (!result.Genuine)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View("Index", result);
    }

    /// <summary>
    /// Verifies a licence by its identifier and verification code. 404 (always the same problem) when the identifier is
    /// malformed or unknown, the code is missing or wrong, or the stored licence no longer matches its signature.
    /// </summary>
    /// <param name="identifier">证照标识, e.g. 1.2.156.3005.2.….001.U</param>
    /// <param name="code">核验码: the 8-character code printed on the licence and carried in its QR link.</param>
    [HttpGet("api/v1/certificates/{identifier}/verify")]
    [ApiExplorerSettings(IgnoreApi = false)] // an API on a page controller: listed in /openapi/v1.json like the [ApiController] ones
    [EnableRateLimiting(RateLimitPolicies.Lookup)]
    [ProducesResponseType<VerifiedLicence>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Api([MaxLength(120)] string identifier, [MaxLength(256)] string? code, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var result = await verification.VerifyAsync(identifier, code, ct);
        if (result is not { Genuine: true, Licence: { } l, SignedContent: { } signed })
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No genuine licence with this identifier and verification code.");
        }

        return Ok(new VerifiedLicence(
            result.Identifier, true, result.Status, l.Name, l.Number, l.IssuerName, l.IssuerCode, l.IssuedOn, l.ValidFrom, l.ValidUntil,
            LicenceCanonicalForm.ShownHolder(l), LicenceCanonicalForm.ShownHolderCode(l), l.State == LicenceState.Revoked ? l.RevokeReason : null, l.KeyId,
            new SignedPayload(signed.Algorithm, signed.KeyId, Convert.ToBase64String(signed.Payload), signed.Canonical, signed.Signature)));
    }

    /// <summary>The public key(s) licences are signed with, for offline verification (ES256 over the canonical JSON).</summary>
    [HttpGet("api/v1/certificates/keys")]
    [ApiExplorerSettings(IgnoreApi = false)]
    [ProducesResponseType<PublishedKeys>(StatusCodes.Status200OK, "application/json")]
    public IActionResult Keys() => Ok(new PublishedKeys(
        LicenceSigner.Algorithm + ": ECDSA P-256 SHA-256, IEEE P1363 signature (r‖s), base64",
        "UTF-8 JSON of the licence fields, keys in ordinal order, no white space, holder masked, form " + LicenceCanonicalForm.Current + "; the verify API returns the exact bytes as payload (docs/domain/certificates.md)",
        [new PublishedKey(signer.KeyId, signer.PublicKeyPem)]));
}
