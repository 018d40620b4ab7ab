using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace GovService.Web.Modules.Hall.SelfService;

/// <summary>What a kiosk token stands for; each step has its own protector purpose, so one cannot pass for another.</summary>
public enum KioskStep
{
    /// <summary>A code was sent: the token names the code (<see cref="Domain.KioskCode"/>) the next form checks.</summary>
    EnterCode = 1,

    /// <summary>The code was right: the token names the wallet's holder for listing and printing.</summary>
    Wallet = 2,

    /// <summary>One licence's document, for the frame of the print page: names the licence and its holder.</summary>
    Print = 3,
}

/// <summary>
/// The kiosk keeps no session: what one person's steps need travels in the form as a token protected with ASP.NET Core
/// Data Protection under a purpose bound to the step and to the kiosk's hall (a token of another hall or step does not
/// open), carrying its own expiry, checked against the portal's clock (<see cref="TimeProvider"/>).
/// </summary>
public sealed class KioskTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public const int MaxLength = 1000;

    public string Issue(KioskStep step, Guid hallId, TimeSpan lifetime, params Guid[] subjects)
    {
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return Protector(step, hallId).Protect(string.Join('|', [.. subjects.Select(s => s.ToString("N")), expires]));
    }

    /// <summary>The token's subjects; null when it is missing, forged, of another hall or step, or expired.</summary>
    public Guid[]? Read(KioskStep step, Guid hallId, string? token, int subjects = 1)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        string plain;
        try
        {
            plain = Protector(step, hallId).Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = plain.Split('|');
        if (parts.Length != subjects + 1 || !long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || clock.GetUtcNow().ToUnixTimeMilliseconds() >= expires)
        {
            return null;
        }

        var ids = new Guid[subjects];
        for (var i = 0; i < subjects; i++)
        {
            if (!Guid.TryParseExact(parts[i], "N", out ids[i]))
            {
                return null;
            }
        }

        return ids;
    }

    private IDataProtector Protector(KioskStep step, Guid hallId) =>
        protection.CreateProtector("GovService.Hall.Kiosk", step.ToString(), hallId.ToString("N"));
}
