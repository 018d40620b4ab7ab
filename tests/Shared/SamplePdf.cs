using System.Text;

namespace GovService.Testing;

/// <summary>
/// A small well-formed PDF as a scanner writes one: header, objects, a cross-reference table whose offsets are
/// right, trailer, <c>startxref</c> with the table's offset and <c>%%EOF</c>.
/// </summary>
public static class SamplePdf
{
    /// <summary>The smallest such PDF, or one of exactly <paramref name="bytes"/> bytes (padded with white space).</summary>
    public static byte[] Build(int bytes = 0)
    {
        var pdf = Write(0);
        for (var padding = bytes - pdf.Length; pdf.Length != bytes && padding > 0; padding += bytes - pdf.Length)
        {
            // The ending's offset gains digits as the padding grows: measure again until the size is right.
            pdf = Write(padding);
        }

        return pdf;
    }

    private static byte[] Write(int padding)
    {
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var body in (string[])["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"])
        {
            offsets.Add(text.Length);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        if (padding > 0)
        {
            // White space between objects, as much as needed: the size of a real scan without its image data.
            text.Append(' ', padding - 1).Append('\n');
        }

        var xref = text.Length;
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
