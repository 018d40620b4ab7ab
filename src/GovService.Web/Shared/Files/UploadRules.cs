namespace GovService.Web.Shared.Files;

/// <summary>
/// Uploaded files are recognised by their first bytes, never by the name the uploader gave, and are at
/// most 10 MB. A guide may offer PDF, Word, Excel and images; an applicant's material must be a scan or a
/// photo (PDF, JPEG or PNG).
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

    /// <summary>PDF, JPEG or PNG: what an applicant may upload as a material.</summary>
    public static bool IsScanOrPhoto(Kind kind) => kind.Extension is ".pdf" or ".jpg" or ".png";

    public enum Problem
    {
        None,
        NoFile,
        TooLarge,
        WrongType,
    }

    /// <summary>Reads an upload whole (it is at most 10 MB) and recognises it by content.</summary>
    public static async Task<(byte[] Content, Kind? Kind, Problem Problem)> ReadAsync(IFormFile? file, Func<Kind, bool> allowed, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return ([], null, Problem.NoFile);
        }

        if (file.Length > MaxBytes)
        {
            return ([], null, Problem.TooLarge);
        }

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var kind = Detect(content);
        return kind is null || !allowed(kind) ? ([], null, Problem.WrongType) : (content, kind, Problem.None);
    }
}
