using System.Text.RegularExpressions;

namespace GovService.Web.Modules.Certificates.Domain;

/// <summary>
/// 证照标识 (DESIGN §7): <c>1.2.156.3005.2.{证照类型代码}.{颁发机构代码}.{流水号}.{版本号}.{校验位}</c>. The check
/// character is ISO 7064 MOD 37,36 (hybrid system over 0-9 A-Z) computed over type code, issuer code,
/// serial and version concatenated; it matches the published examples (…20230000403.001.U).
/// </summary>
public static partial class LicenceIdentifier
{
    public const string Root = "1.2.156.3005.2";
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string Create(string typeCode, string issuerCode, string serial, int version)
    {
        var v = version.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return $"{Root}.{typeCode}.{issuerCode}.{serial}.{v}.{CheckCharacter(typeCode + issuerCode + serial + v)}";
    }

    /// <summary>ISO 7064 MOD 37,36: the character that makes the whole string check.</summary>
    public static char CheckCharacter(string data)
    {
        const int m = 36;
        var p = m;
        foreach (var ch in data.ToUpperInvariant())
        {
            var value = Alphabet.IndexOf(ch, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{ch}' is not 0-9 or A-Z.", nameof(data));
            }

            p = (p + value) % m;
            if (p == 0)
            {
                p = m;
            }

            p = p * 2 % (m + 1);
        }

        return Alphabet[(m + 1 - p) % m];
    }

    /// <summary>Well-formed and its check character right: a changed character anywhere is caught.</summary>
    public static bool IsValid(string? identifier)
    {
        var match = identifier is null ? Match.Empty : Shape().Match(identifier);
        if (!match.Success)
        {
            return false;
        }

        var data = match.Groups["type"].Value + match.Groups["issuer"].Value + match.Groups["serial"].Value + match.Groups["version"].Value;
        return CheckCharacter(data) == match.Groups["check"].Value[0];
    }

    [GeneratedRegex(@"^1\.2\.156\.3005\.2\.(?<type>[0-9A-Z]{1,32})\.(?<issuer>[0-9A-Z]{1,32})\.(?<serial>[0-9A-Z]{1,32})\.(?<version>\d{3})\.(?<check>[0-9A-Z])$")]
    private static partial Regex Shape();
}
