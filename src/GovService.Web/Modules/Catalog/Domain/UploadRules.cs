namespace GovService.Web.Modules.Catalog.Domain;

/// <summary>
/// What a guide may offer for download: PDF, Word, Excel and images, recognised by their first bytes,
/// never by the name the uploader gave. At most 10 MB.
/// </summary>
public static class UploadRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public sealed record Kind(string Extension, string ContentType);

    public static Kind? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return new(".pdf", "application/pdf");
        }

        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new(".png", "image/png");
        }

        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return new(".jpg", "image/jpeg");
        }

        if (head.StartsWith((byte[])[0x50, 0x4B, 0x03, 0x04]))
        {
            // A zip: Word or Excel (Office Open XML). Which one the name says; both are allowed.
            return new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }

        if (head.StartsWith((byte[])[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return new(".doc", "application/msword");
        }

        return null;
    }

    /// <summary>The content type to serve: an Office zip named .xlsx is a spreadsheet, otherwise what the bytes say.</summary>
    public static string ContentTypeFor(Kind kind, string fileName) =>
        kind.Extension == ".docx" && fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : kind.ContentType;
}
