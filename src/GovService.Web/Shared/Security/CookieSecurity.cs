namespace GovService.Web.Shared.Security;

/// <summary>
/// One rule for every cookie that carries a secret (the sign-in and the antiforgery token): <c>Secure</c> whenever
/// the request came over HTTPS — directly, or through a trusted proxy that says so in X-Forwarded-Proto
/// (<see cref="Infrastructure.Web.TrustedProxies"/>) — so neither goes back over plain HTTP once the site is on TLS.
/// Plain-HTTP development and tests keep working.
/// </summary>
internal static class CookieSecurity
{
    public const CookieSecurePolicy SecurePolicy = CookieSecurePolicy.SameAsRequest;
}
