using System.Security.Cryptography;
using System.Text;

namespace GovService.Web.Modules.Hall.Domain;

/// <summary>
/// The rating device (评价器) paired with one window: a tablet holding the window's device key in its address. The
/// key is shown once when made; only its SHA-256 is stored, and making a new one retires the old (a lost tablet).
/// </summary>
public sealed class WindowDevice
{
    public Guid WindowId { get; set; }
    public Guid HallId { get; set; }
    public int WindowNumber { get; set; }
    public byte[] KeyHash { get; set; } = [];
    public Guid PairedByStaffId { get; set; }
    public DateTimeOffset PairedAt { get; set; }

    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool Holds(string? key) =>
        key is { Length: > 0 and <= 64 } && CryptographicOperations.FixedTimeEquals(Hash(key), KeyHash);
}
