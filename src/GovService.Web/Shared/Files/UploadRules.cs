using System.Buffers.Binary;

namespace GovService.Web.Shared.Files;

/// <summary>
/// Uploaded files are recognised by their content, never by the name or type the uploader gave, and are at most
/// 10 MB. The first bytes say what a file claims to be and its structure must bear that out through to the end —
/// a PNG's chunks up to IEND, a JPEG's segments up to the scan and its end marker, a PDF's ending, the
/// cross-reference section it names and the objects that section lists (<see cref="PdfStructure"/>), a zip's central directory — so a script with an image's or a PDF's header in
/// front (and a PDF's %%EOF behind) is refused like any other forgery. A guide may offer PDF, Word, Excel and images; an
/// applicant's material must be a scan or a photo (PDF, JPEG or PNG).
/// </summary>
public static class UploadRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public sealed record Kind(string Extension, string ContentType);

    public static Kind? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return PdfStructure.IsWholePdf(content) ? new(".pdf", "application/pdf") : null;
        }

        if (content.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return IsWholePng(content) ? new(".png", "image/png") : null;
        }

        if (content.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return IsWholeJpeg(content) ? new(".jpg", "image/jpeg") : null;
        }

        if (content.StartsWith((byte[])[0x50, 0x4B, 0x03, 0x04]))
        {
            // A zip: Word or Excel (Office Open XML). Which one the name says; both are allowed.
            return IsWholeZip(content) ? new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document") : null;
        }

        if (content.StartsWith((byte[])[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return IsCompoundFile(content) ? new(".doc", "application/msword") : null;
        }

        return null;
    }

    /// <summary>A PNG is its signature, then chunks (length, four-letter type, data, CRC) from IHDR to IEND, and nothing after.</summary>
    private static bool IsWholePng(ReadOnlySpan<byte> content)
    {
        var at = 8;
        var first = true;
        while (content.Length - at >= 12)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(content[at..]);
            var type = content.Slice(at + 4, 4);
            if (!IsChunkType(type) || (first && !type.SequenceEqual("IHDR"u8)) || length > (uint)(content.Length - at - 12))
            {
                return false;
            }

            at += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                return at == content.Length;
            }

            first = false;
        }

        return false;
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A JPEG is its start marker, then marker segments (each with its length) up to the start of scan, then compressed data closed by the end marker.</summary>
    private static bool IsWholeJpeg(ReadOnlySpan<byte> content)
    {
        var at = 2;
        while (at < content.Length)
        {
            if (content[at] != 0xFF)
            {
                return false;
            }

            while (at < content.Length && content[at] == 0xFF)
            {
                at++; // fill bytes before a marker
            }

            if (at >= content.Length)
            {
                return false;
            }

            var marker = content[at++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // markers without a length
            }

            if (marker < 0xC0 || marker is 0xD8 or 0xD9 || content.Length - at < 2)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(content[at..]);
            if (length < 2 || length > content.Length - at)
            {
                return false;
            }

            if (marker == 0xDA)
            {
                return content[(at + length)..].IndexOf((byte[])[0xFF, 0xD9]) >= 0;
            }

            at += length;
        }

        return false;
    }

    /// <summary>A zip ends with its central directory's end record (within the last 22 bytes plus the longest comment).</summary>
    private static bool IsWholeZip(ReadOnlySpan<byte> content) =>
        content[^Math.Min(content.Length, 22 + ushort.MaxValue)..].LastIndexOf((byte[])[0x50, 0x4B, 0x05, 0x06]) >= 0;

    /// <summary>An OLE compound file (old Word and Excel): a 512-byte header with its byte-order mark and a 512- or 4096-byte sector size.</summary>
    private static bool IsCompoundFile(ReadOnlySpan<byte> content) =>
        content.Length >= 512 && content[28] == 0xFE && content[29] == 0xFF && content[30] is 9 or 12 && content[31] == 0;

    /// <summary>
    /// What the bytes are, with the one distinction they cannot make: an Office zip or compound file named as a
    /// spreadsheet (.xlsx, .xls) is one; everything else is what the content says, whatever the uploader named it.
    /// </summary>
    public static Kind Refine(Kind kind, string? fileName) => kind.Extension switch
    {
        ".docx" when fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true => new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ".doc" when fileName?.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) == true => new(".xls", "application/vnd.ms-excel"),
        _ => kind,
    };

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
