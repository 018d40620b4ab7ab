using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace GovService.Web.Shared.Files;

/// <summary>
/// Whether bytes that start with <c>%PDF-</c> are built like a PDF (PDF 32000-1 §7.5): a file ends with
/// <c>startxref</c>, the byte offset of its last cross-reference section, and <c>%%EOF</c> (readers look in the last
/// 1024 bytes; an incremental update appends another ending and the last one counts). That section is either a table
/// (<c>xref</c>, subsections of 20-byte entries, <c>trailer</c>) or a stream object with <c>/Type /XRef</c>
/// (PDF 1.5+, what Acrobat, qpdf and LibreOffice's PDF/A export write). Here the offset must land on such a section,
/// and the offsets it lists for objects in use must land on <c>n g obj</c> headers, at least one of them an object
/// closed by <c>endobj</c>. A page or script with a PDF header and an ending glued around it names no objects that are
/// there, so it is refused; readers repair a file whose offsets went stale, but a file we store and hand to a clerk's
/// reader must be one that opens without repair.
/// </summary>
internal static partial class PdfStructure
{
    /// <summary>Longest stretch searched for "startxref" before the last %%EOF, and for %%EOF before the end.</summary>
    private const int EndingWindow = 1024;

    /// <summary>The largest cross-reference stream inflated (far above the entries of a 10 MB file), against zip bombs.</summary>
    private const int MaxInflatedXref = 16 * 1024 * 1024;

    public static bool IsWholePdf(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith("%PDF-"u8))
        {
            return false;
        }

        var tail = Math.Max(0, content.Length - EndingWindow);
        var found = content[tail..].LastIndexOf("%%EOF"u8);
        if (found < 0)
        {
            return false;
        }

        var end = tail + found;
        var from = Math.Max(0, end - EndingWindow);
        found = content[from..end].LastIndexOf("startxref"u8);
        if (found < 0)
        {
            return false;
        }

        var at = from + found;
        var rest = SkipWhitespace(content[(at + "startxref".Length)..end]);
        var digits = LeadingDigits(rest);
        if (digits is 0 or > 10 || SkipWhitespace(rest[digits..]).Length != 0
            || !long.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || offset >= at)
        {
            return false;
        }

        var section = (int)offset + (content[(int)offset..at].Length - SkipWhitespace(content[(int)offset..at]).Length);
        var lastEndObject = content.LastIndexOf("endobj"u8);
        return content[section..].StartsWith("xref"u8)
            ? TableObjectsAreThere(content, section + "xref".Length, lastEndObject)
            : IsObjectHeader(content[section..]) && StreamObjectsAreThere(content, section, lastEndObject);
    }

    /// <summary>
    /// A table's subsections ("first count", then count entries "offset generation n|f"), then "trailer". Entries are
    /// read as tokens, not as 20-byte records, so a writer's CR LF or lone LF line ends do not matter.
    /// </summary>
    private static bool TableObjectsAreThere(ReadOnlySpan<byte> content, int at, int lastEndObject)
    {
        var landed = 0;
        while (true)
        {
            var text = SkipWhitespace(content[at..]);
            at = content.Length - text.Length;
            if (text.StartsWith("trailer"u8))
            {
                return landed > 0;
            }

            if (!TryNumber(content, ref at, out _) || !TryNumber(content, ref at, out var count) || count > content.Length / 18)
            {
                return false;
            }

            for (var entry = 0; entry < count; entry++)
            {
                if (!TryNumber(content, ref at, out var objectOffset) || !TryNumber(content, ref at, out _))
                {
                    return false;
                }

                text = SkipWhitespace(content[at..]);
                at = content.Length - text.Length + 1;
                if (text.IsEmpty || text[0] is not ((byte)'n' or (byte)'f'))
                {
                    return false;
                }

                // Offset 0 in use is a writer's way to say "no such object" (readers treat it as free).
                if (text[0] == 'n' && objectOffset > 0)
                {
                    if (!LandsOnObject(content, objectOffset, lastEndObject))
                    {
                        return false;
                    }

                    landed++;
                }
            }
        }
    }

    /// <summary>
    /// A cross-reference stream: its dictionary says /Type /XRef, the entry widths /W, the object numbers /Index
    /// (default 0 to /Size) and how the data is encoded (none, or /FlateDecode with or without a PNG predictor, the
    /// only encodings writers use for it). Type-1 entries give an object's offset, which must land on its header.
    /// </summary>
    private static bool StreamObjectsAreThere(ReadOnlySpan<byte> content, int at, int lastEndObject)
    {
        var streamKeyword = content[at..].IndexOf("stream"u8);
        var endObject = content[at..].IndexOf("endobj"u8);
        if (streamKeyword < 0 || (endObject >= 0 && endObject < streamKeyword) || streamKeyword > 64 * 1024)
        {
            return false;
        }

        var dictionary = Encoding.Latin1.GetString(content.Slice(at, streamKeyword));
        var widths = Widths().Match(dictionary);
        var size = Size().Match(dictionary);
        if (!XRefType().IsMatch(dictionary) || !widths.Success || !size.Success)
        {
            return false;
        }

        int[] w = [.. Enumerable.Range(1, 3).Select(g => int.Parse(widths.Groups[g].Value, CultureInfo.InvariantCulture))];
        if (w.Any(x => x > 8) || w.Sum() == 0)
        {
            return false;
        }

        var ranges = new List<(long First, long Count)>();
        if (Index().Match(dictionary) is { Success: true } index)
        {
            var numbers = index.Groups[1].Value.Split((char[])[' ', '\t', '\r', '\n', '\f', '\0'], StringSplitOptions.RemoveEmptyEntries);
            if (numbers.Length % 2 != 0)
            {
                return false;
            }

            for (var i = 0; i < numbers.Length; i += 2)
            {
                ranges.Add((long.Parse(numbers[i], CultureInfo.InvariantCulture), long.Parse(numbers[i + 1], CultureInfo.InvariantCulture)));
            }
        }
        else
        {
            ranges.Add((0, long.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture)));
        }

        var rowWidth = w.Sum();
        var rows = ranges.Sum(r => r.Count);
        if (rows <= 0 || rows * rowWidth > MaxInflatedXref)
        {
            return false;
        }

        var dataStart = at + streamKeyword + "stream".Length;
        dataStart += content[dataStart..].StartsWith("\r\n"u8) ? 2 : content[dataStart..].StartsWith("\n"u8) ? 1 : 0;
        var dataEnd = content[dataStart..].IndexOf("endstream"u8);
        if (dataEnd < 0)
        {
            return false;
        }

        var raw = content.Slice(dataStart, dataEnd);
        if (Length().Match(dictionary) is { Success: true } length && long.TryParse(length.Groups[1].Value, CultureInfo.InvariantCulture, out var declared) && declared <= raw.Length)
        {
            raw = raw[..(int)declared];
        }

        var data = Decode(raw, dictionary, rowWidth, (int)rows);
        if (data is null || data.Length < rows * rowWidth)
        {
            return false;
        }

        var landed = 0;
        var row = 0;
        foreach (var (_, count) in ranges)
        {
            for (var i = 0; i < count; i++, row++)
            {
                var fields = data.AsSpan(row * rowWidth, rowWidth);
                var type = w[0] == 0 ? 1 : Field(fields[..w[0]]);
                if (type == 1)
                {
                    var objectOffset = Field(fields.Slice(w[0], w[1]));
                    if (!LandsOnObject(content, objectOffset, lastEndObject))
                    {
                        return false;
                    }

                    landed++;
                }
            }
        }

        return landed > 0;
    }

    /// <summary>The stream's bytes unencoded, or null when the encoding is not one a cross-reference stream uses or is broken.</summary>
    private static byte[]? Decode(ReadOnlySpan<byte> raw, string dictionary, int rowWidth, int rows)
    {
        var filters = Filters().Matches(dictionary).Select(m => m.Groups[1].Value).ToList();
        byte[] data;
        if (filters.Count == 0)
        {
            data = raw.ToArray();
        }
        else if (filters is ["FlateDecode"])
        {
            try
            {
                using var inflater = new ZLibStream(new MemoryStream(raw.ToArray()), CompressionMode.Decompress);
                using var output = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = inflater.Read(buffer)) > 0)
                {
                    output.Write(buffer, 0, read);
                    if (output.Length > MaxInflatedXref + rows)
                    {
                        return null;
                    }
                }

                data = output.ToArray();
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        var predictor = Predictor().Match(dictionary) is { Success: true } p ? int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
        if (predictor == 1)
        {
            return data;
        }

        var columns = Columns().Match(dictionary) is { Success: true } c ? int.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
        return predictor >= 10 && columns == rowWidth ? UndoPngPredictor(data, columns) : null;
    }

    /// <summary>PNG row filters (RFC 2083 §6), one filter byte in front of each row; bytes per pixel 1, as in cross-reference streams.</summary>
    private static byte[]? UndoPngPredictor(byte[] data, int columns)
    {
        var rows = data.Length / (columns + 1);
        var output = new byte[rows * columns];
        for (var row = 0; row < rows; row++)
        {
            var filter = data[row * (columns + 1)];
            var source = data.AsSpan(row * (columns + 1) + 1, columns);
            var line = output.AsSpan(row * columns, columns);
            Span<byte> above = row == 0 ? new byte[columns] : output.AsSpan((row - 1) * columns, columns);
            for (var i = 0; i < columns; i++)
            {
                int left = i == 0 ? 0 : line[i - 1], up = above[i], upLeft = i == 0 ? 0 : above[i - 1];
                line[i] = (byte)(source[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                });
            }

            if (filter > 4)
            {
                return null;
            }
        }

        return output;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        int toLeft = Math.Abs(estimate - left), toUp = Math.Abs(estimate - up), toUpLeft = Math.Abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }

    private static long Field(ReadOnlySpan<byte> bytes)
    {
        Span<byte> padded = stackalloc byte[8];
        bytes.CopyTo(padded[(8 - bytes.Length)..]);
        return (long)BinaryPrimitives.ReadUInt64BigEndian(padded);
    }

    /// <summary>An offset inside the file with "n g obj" there, and "endobj" after it (the file's last one, found once: a crafted table cannot make this quadratic).</summary>
    private static bool LandsOnObject(ReadOnlySpan<byte> content, long offset, int lastEndObject) =>
        offset > 0 && offset < lastEndObject && IsObjectHeader(content[(int)offset..]);

    /// <summary>"<c>12 0 obj</c>": an object number, a generation number and the keyword.</summary>
    private static bool IsObjectHeader(ReadOnlySpan<byte> text)
    {
        for (var part = 0; part < 2; part++)
        {
            var digits = LeadingDigits(text);
            var spaced = SkipWhitespace(text[digits..]);
            if (digits == 0 || spaced.Length == text.Length - digits)
            {
                return false;
            }

            text = spaced;
        }

        return text.StartsWith("obj"u8);
    }

    /// <summary>Reads a whitespace-led decimal number at <paramref name="at"/> and moves past it.</summary>
    private static bool TryNumber(ReadOnlySpan<byte> content, ref int at, out long value)
    {
        var text = SkipWhitespace(content[at..]);
        var digits = LeadingDigits(text);
        value = 0;
        if (digits is 0 or > 10 || !long.TryParse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        at = content.Length - text.Length + digits;
        return true;
    }

    private static int LeadingDigits(ReadOnlySpan<byte> text)
    {
        var count = 0;
        while (count < text.Length && char.IsAsciiDigit((char)text[count]))
        {
            count++;
        }

        return count;
    }

    /// <summary>PDF white space: NUL, tab, line feed, form feed, carriage return and space.</summary>
    private static ReadOnlySpan<byte> SkipWhitespace(ReadOnlySpan<byte> text)
    {
        var at = 0;
        while (at < text.Length && text[at] is 0 or 9 or 10 or 12 or 13 or 32)
        {
            at++;
        }

        return text[at..];
    }

    [GeneratedRegex(@"/Type\s*/XRef(?![A-Za-z0-9])")]
    private static partial Regex XRefType();

    [GeneratedRegex(@"/W\s*\[\s*(\d{1,2})\s+(\d{1,2})\s+(\d{1,2})\s*\]")]
    private static partial Regex Widths();

    [GeneratedRegex(@"/Size\s+(\d{1,9})(?!\d)")]
    private static partial Regex Size();

    [GeneratedRegex(@"/Index\s*\[([\d\s]{0,4096})\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"/Length\s+(\d{1,10})(?![\d\s]*\s+R)")]
    private static partial Regex Length();

    /// <summary>Every filter name of /Filter, a single name or an array.</summary>
    [GeneratedRegex(@"(?<=/Filter\s*(?:\[[^\]]*)?)/(\w+)")]
    private static partial Regex Filters();

    [GeneratedRegex(@"/Predictor\s+(\d{1,2})(?!\d)")]
    private static partial Regex Predictor();

    [GeneratedRegex(@"/Columns\s+(\d{1,3})(?!\d)")]
    private static partial Regex Columns();
}
