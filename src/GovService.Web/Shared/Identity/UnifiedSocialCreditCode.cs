namespace GovService.Web.Shared.Identity;

/// <summary>
/// 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-letter alphabet (no I, O, S, V, Z),
/// the last one a MOD 31 check character. Characters 9–17 are the GB 11714 organisation code.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var code = value.Trim().ToUpperInvariant();
        if (code.Length != 18 || code.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        return code[17] == ComputeCheckCharacter(code.AsSpan(0, 17));
    }

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the GB 32100 alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>
    /// Builds a complete code from registration authority, kind, 6-digit region and 8-character
    /// organisation body: the GB 11714 check character and the GB 32100 check character are computed.
    /// </summary>
    public static string Compose(char authority, char kind, string regionCode6, string organisationBody8)
    {
        var organisationCode = organisationBody8 + ComputeOrganisationCheck(organisationBody8);
        var first17 = $"{authority}{kind}{regionCode6}{organisationCode}";
        return first17 + ComputeCheckCharacter(first17);
    }

    /// <summary>GB 11714 check character of the 8-character organisation code body.</summary>
    public static char ComputeOrganisationCheck(string body8)
    {
        if (body8.Length != 8)
        {
            throw new ArgumentException("Eight characters are needed.", nameof(body8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * OrganisationCodeWeights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }
}
