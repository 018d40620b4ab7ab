using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GovService.Web.Modules.Certificates.Domain;

/// <summary>
/// The canonical form a licence is signed over: the metadata and face data as UTF-8 JSON with the keys in
/// ordinal order and dates as yyyy-MM-dd, so anyone holding the published key can rebuild it and verify.
/// </summary>
public static class LicenceCanonicalForm
{
    public static byte[] Of(Licence licence)
    {
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["face"] = new SortedDictionary<string, string>(licence.FaceData, StringComparer.Ordinal),
            ["holder"] = licence.HolderName,
            ["holderCode"] = licence.HolderCode,
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
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields, Options));
    }

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
