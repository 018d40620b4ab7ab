using System.Security.Cryptography;
using System.Text;

namespace GovService.Web.Modules.Hall.Domain;

/// <summary>
/// A one-time code (短信验证码) sent to the mobile of a citizen's account so the kiosk may list and print the licences in
/// their wallet: six digits, valid <c>Hall:KioskCodeMinutes</c>, at most <c>Hall:KioskCodeTries</c> tries, used once. Only a
/// hash of the code is kept.
/// </summary>
public sealed class KioskCode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HallId { get; set; }
    public Guid UserId { get; set; }
    public byte[] CodeHash { get; set; } = [];
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Tries { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes($"{Id:N}:{code}"));

    /// <summary>Whether the code may still be tried at <paramref name="now"/>.</summary>
    public KioskCodeState StateAt(DateTimeOffset now, int maxTries) =>
        UsedAt is not null ? KioskCodeState.Used
        : now >= ExpiresAt ? KioskCodeState.Expired
        : Tries >= maxTries ? KioskCodeState.TooManyTries
        : KioskCodeState.Open;

    /// <summary>One try: counted; true (and the code used up) when it matches an open code.</summary>
    public bool Try(string? code, DateTimeOffset now, int maxTries)
    {
        if (StateAt(now, maxTries) != KioskCodeState.Open)
        {
            throw new InvalidOperationException($"Kiosk code {Id} is {StateAt(now, maxTries)}; it cannot be tried.");
        }

        Tries++;
        var typed = code?.Trim() ?? "";
        if (typed.Length != 6 || !CryptographicOperations.FixedTimeEquals(Hash(typed), CodeHash))
        {
            return false;
        }

        UsedAt = now;
        return true;
    }
}

public enum KioskCodeState
{
    Open = 1,
    Used = 2,
    Expired = 3,
    TooManyTries = 4,
}
