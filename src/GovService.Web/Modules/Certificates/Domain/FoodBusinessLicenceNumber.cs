using System.Globalization;

namespace GovService.Web.Modules.Certificates.Domain;

/// <summary>
/// 食品经营许可证编号 (《食品经营许可和备案管理办法》, as in 《食品经营许可管理办法》 before it): JY ("经营") and 14 digits —
/// the 主体业态 code (1 食品销售经营者, 2 餐饮服务经营者, 3 单位食堂), the 2-digit province, 2-digit city and 2-digit county
/// codes of the issuing authority, a 6-digit serial and a check digit, e.g. JY23611310000126.
/// <para>
/// The check digit is ISO 7064 MOD 11,10 (GB/T 17710) over the 13 digits before it. The 办法 names the check digit
/// without its algorithm; MOD 11,10 is what the same authority prescribes for the 食品生产许可证 (SC) number of the same
/// shape, so the platform uses it for JY too (docs/domain/certificates.md).
/// </para>
/// </summary>
public static class FoodBusinessLicenceNumber
{
    public const string Prefix = "JY";

    /// <summary>The application field whose answer is the 主体业态 (the seeded 食品经营许可 items ask it).</summary>
    public const string BusinessFormatField = "business_format";

    /// <summary>
    /// The 主体业态 code of an answer: the 业态 before any bracketed form (餐饮服务经营者（中央厨房） is a 餐饮服务经营者);
    /// null for an answer that names none.
    /// </summary>
    public static int? FormatCode(string? businessFormat)
    {
        var main = (businessFormat ?? "").Split('（', '(')[0].Trim();
        return main switch
        {
            "食品销售经营者" => 1,
            "餐饮服务经营者" => 2,
            "单位食堂" => 3,
            _ => null,
        };
    }

    /// <summary>The number of the <paramref name="serial"/>th licence of a county; a county has room for 999,999.</summary>
    public static string Compose(int formatCode, string countyCode, int serial)
    {
        if (formatCode is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(formatCode), formatCode, "主体业态 codes are 1, 2 and 3.");
        }

        if (countyCode.Length != 6 || !countyCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{countyCode}' is not a 6-digit county code.", nameof(countyCode));
        }

        if (serial is < 1 or > 999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), serial, "The serial of a 食品经营许可证 has six digits.");
        }

        var body = string.Create(CultureInfo.InvariantCulture, $"{formatCode}{countyCode}{serial:000000}");
        return Prefix + body + CheckDigit(body);
    }

    /// <summary>ISO 7064 MOD 11,10: the digit that makes the whole string check.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digits)
    {
        var p = 10;
        foreach (var ch in digits)
        {
            if (!char.IsAsciiDigit(ch))
            {
                throw new ArgumentException($"'{ch}' is not a digit.", nameof(digits));
            }

            var s = (p + (ch - '0')) % 10;
            p = (s == 0 ? 10 : s) * 2 % 11;
        }

        return (char)('0' + ((11 - p) % 10));
    }

    /// <summary>JY, a 主体业态 code, 12 digits and the right check digit: a changed digit anywhere is caught.</summary>
    public static bool IsValid(string? number) =>
        number is { Length: 16 } && number.StartsWith(Prefix, StringComparison.Ordinal) && number[2] is >= '1' and <= '3'
        && number.AsSpan(2).ToString().All(char.IsAsciiDigit) && CheckDigit(number.AsSpan(2, 13)) == number[15];
}
