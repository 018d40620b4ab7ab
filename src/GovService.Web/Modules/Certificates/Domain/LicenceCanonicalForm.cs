using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovService.Web.Shared.Identity;

namespace GovService.Web.Modules.Certificates.Domain;

/// <summary>
/// The canonical form a licence is signed over: UTF-8 JSON, keys in ordinal order, dates as yyyy-MM-dd, no white
/// space. Public verification hands out these exact bytes with the signature, so a relying party checks them
/// offline with the published key; what they read there is what the verify page shows.
/// <para>
/// Form 2 (every licence issued or re-signed now) carries the holder as the public sees it — the name masked
/// (张*) and the ID or credit code masked (361131********0026) — plus <c>holderDigest</c>, the base64 SHA-256 of a
/// secret per-licence salt and the full holder, which binds the real holder into the signature without publishing
/// it (a digest without the salt could be reversed: an ID number has few enough possible values to try them all).
/// Form 1, the first one, signed the holder in full and is never published; licences still in it are re-signed at
/// start-up (<see cref="Rotation.LicenceFormUpgrade"/>).
/// </para>
/// </summary>
public static class LicenceCanonicalForm
{
    public const int Current = 2;

    public static byte[] Of(Licence licence) => licence.SignedForm switch
    {
        1 => FirstForm(licence),
        Current => Serialize(PublicFields(licence)),
        _ => throw new InvalidOperationException($"Licence {licence.Identifier}: unknown signed form {licence.SignedForm}."),
    };

    /// <summary>The holder's name as public verification shows it (organisations keep more of theirs, as on the verify page).</summary>
    public static string ShownHolder(Licence licence) => NameMask.Mask(licence.HolderName, licence.HolderCodeType == "001");

    /// <summary>The holder's ID or credit code as printed on the licence and signed: the first six and last four characters.</summary>
    public static string ShownHolderCode(Licence licence) => ChineseIdNumber.Mask(licence.HolderCode);

    /// <summary>SHA-256 over the salt and the full holder (type, code, name, each line-terminated), base64.</summary>
    public static string HolderDigest(Licence licence) =>
        Convert.ToBase64String(SHA256.HashData([.. licence.HolderSalt, .. Encoding.UTF8.GetBytes($"{licence.HolderCodeType}\n{licence.HolderCode}\n{licence.HolderName}\n")]));

    private static SortedDictionary<string, object?> PublicFields(Licence licence)
    {
        if (licence.HolderSalt.Length < 16)
        {
            throw new InvalidOperationException($"Licence {licence.Identifier} has no holder salt: it cannot be signed in form {Current}.");
        }

        var fields = Common(licence);
        fields["form"] = Current;
        fields["holder"] = ShownHolder(licence);
        fields["holderCode"] = ShownHolderCode(licence);
        fields["holderDigest"] = HolderDigest(licence);
        return fields;
    }

    private static byte[] FirstForm(Licence licence)
    {
        var fields = Common(licence);
        fields["holder"] = licence.HolderName;
        fields["holderCode"] = licence.HolderCode;
        return Serialize(fields);
    }

    private static SortedDictionary<string, object?> Common(Licence licence) => new(StringComparer.Ordinal)
    {
        ["face"] = new SortedDictionary<string, string>(licence.FaceData, StringComparer.Ordinal),
        ["holderCodeType"] = licence.HolderCodeType,
        ["identifier"] = licence.Identifier,
        ["issuedOn"] = licence.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["issuer"] = licence.IssuerName,
        ["issuerCode"] = licence.IssuerCode,
        ["name"] = licence.Name,
        ["number"] = licence.Number,
        ["previous"] = licence.PreviousLicenceId?.ToString(),
        ["typeCode"] = licence.TypeCode,
        ["validFrom"] = licence.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["validUntil"] = licence.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static byte[] Serialize(SortedDictionary<string, object?> fields) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields, Options));

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
