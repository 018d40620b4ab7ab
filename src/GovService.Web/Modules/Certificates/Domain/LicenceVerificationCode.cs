using System.Security.Cryptography;

namespace GovService.Web.Modules.Certificates.Domain;

/// <summary>
/// 核验码: the short random code printed on a licence and carried in its QR link. Verification needs the identifier
/// and this code, so identifiers — which follow a public pattern (type, issuer, yearly serial, version, check
/// character) — cannot be walked to list the county's licences. Eight characters of Crockford's base-32 alphabet
/// (no I, L, O, U, so nothing is misread when typed from paper): 40 bits, out of reach of a guesser held to the
/// lookup rate limit.
/// </summary>
public static class LicenceVerificationCode
{
    public const int Length = 8;
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>As typed from paper: case, spaces and hyphens ignored, O read as 0 and I or L as 1; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 32)
        {
            return null;
        }

        var code = new string([.. typed.ToUpperInvariant().Where(c => c is not (' ' or '-')).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })]);
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
