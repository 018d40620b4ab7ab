using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace GovService.Web.Shared.Documents;

/// <summary>
/// What every PDF the portal issues (licences, written decisions) is drawn with: the Chinese text in an embedded CJK
/// font (Droid Sans Fallback, from Debian's fonts-droid-fallback, a TrueType font PDFsharp can subset), Latin letters
/// and digits in DejaVu Sans (the CJK font has none), each run of a line in the font that has its glyphs, so the text
/// reads back out of the file (pdftotext) as it went in.
/// </summary>
public static class OfficialPdf
{
    public const string CjkFontFile = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    /// <summary>Latin letters and digits: DejaVu Sans, from fonts-dejavu-core.</summary>
    public const string LatinFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private const string Family = "GovCjk";
    private const string LatinFamily = "GovLatin";
    private static readonly Lock Gate = new();

    public static bool FontAvailable => File.Exists(CjkFontFile) && File.Exists(LatinFontFile);

    /// <summary>The CJK font at <paramref name="size"/> points (installs the font resolver the first time).</summary>
    public static XFont Font(double size)
    {
        EnsureFontResolver();
        return new XFont(Family, size);
    }

    /// <summary>A new A4 page of <paramref name="document"/>.</summary>
    public static PdfPage AddA4Page(PdfDocument document)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        return page;
    }

    /// <summary>Draws a line mixing Chinese and Latin text at (<paramref name="x"/>, <paramref name="y"/>), each run in the font that has its glyphs; returns its width.</summary>
    public static double DrawMixed(XGraphics g, string text, double size, XBrush brush, double x, double y)
    {
        var start = x;
        foreach (var (run, font) in Runs(text, size))
        {
            g.DrawString(run, font, brush, x, y);
            x += g.MeasureString(run, font).Width;
        }

        return x - start;
    }

    /// <summary>The width <see cref="DrawMixed"/> would draw <paramref name="text"/> with.</summary>
    public static double MeasureMixed(XGraphics g, string text, double size) =>
        Runs(text, size).Sum(r => g.MeasureString(r.Run, r.Font).Width);

    private static IEnumerable<(string Run, XFont Font)> Runs(string text, double size)
    {
        EnsureFontResolver();
        var cjk = new XFont(Family, size);
        var latin = new XFont(LatinFamily, size * 0.92);
        var start = 0;
        while (start < text.Length)
        {
            var isLatin = text[start] < 0x2E80;
            var end = start;
            while (end < text.Length && (text[end] < 0x2E80) == isLatin)
            {
                end++;
            }

            yield return (text[start..end], isLatin ? latin : cjk);
            start = end;
        }
    }

    private static void EnsureFontResolver()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not CjkFontResolver)
            {
                GlobalFontSettings.FontResolver = new CjkFontResolver();
            }
        }
    }

    private sealed class CjkFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(familyName == LatinFamily ? LatinFamily : Family, bold, italic);

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == LatinFamily ? LatinFontFile : CjkFontFile);
    }
}

/// <summary>
/// Writes a document's text from the top of A4 pages down: headings centred, paragraphs wrapped to the width between
/// the margins (Chinese breaks between any two characters, Latin text at spaces), a new page when one is full.
/// </summary>
public sealed class PdfTextFlow : IDisposable
{
    private const double Margin = 72;
    private readonly PdfDocument document;
    private PdfPage page;
    private XGraphics g;
    private double y;

    public PdfTextFlow(PdfDocument document)
    {
        this.document = document;
        page = OfficialPdf.AddA4Page(document);
        g = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private double Width => page.Width.Point - 2 * Margin;

    /// <summary>A line centred between the margins.</summary>
    public void Centred(string text, double size, XBrush? brush = null)
    {
        Room(size * 1.6);
        var width = OfficialPdf.MeasureMixed(g, text, size);
        y += size;
        OfficialPdf.DrawMixed(g, text, size, brush ?? XBrushes.Black, Margin + Math.Max(0, (Width - width) / 2), y);
        y += size * 0.6;
    }

    /// <summary>A line against the right margin (the issuing body and the date under a decision).</summary>
    public void Right(string text, double size)
    {
        Room(size * 1.6);
        y += size;
        OfficialPdf.DrawMixed(g, text, size, XBrushes.Black, Margin + Math.Max(0, Width - OfficialPdf.MeasureMixed(g, text, size)), y);
        y += size * 0.6;
    }

    /// <summary>A paragraph wrapped to the width; <paramref name="indent"/> on its first line (two characters in a Chinese document). Line breaks in the text start new lines.</summary>
    public void Paragraph(string text, double size, double indent = 0)
    {
        foreach (var part in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var first = true;
            foreach (var line in Wrap(part, size, indent))
            {
                Room(size * 1.7);
                y += size;
                OfficialPdf.DrawMixed(g, line, size, XBrushes.Black, Margin + (first ? indent : 0), y);
                y += size * 0.7;
                first = false;
            }
        }
    }

    public void Gap(double points) => y += points;

    private IEnumerable<string> Wrap(string text, double size, double indent)
    {
        if (text.Length == 0)
        {
            yield return "";
            yield break;
        }

        var available = Width - indent;
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            var lastBreak = -1;
            while (end < text.Length && OfficialPdf.MeasureMixed(g, text[start..(end + 1)], size) <= available)
            {
                if (text[end] == ' ' || text[end] >= 0x2E80)
                {
                    lastBreak = end + 1;
                }

                end++;
            }

            if (end < text.Length && lastBreak > start && text[end] < 0x2E80 && text[end] != ' ')
            {
                end = lastBreak; // do not cut a Latin word (a number, a code) in two
            }

            end = Math.Max(end, start + 1);
            yield return text[start..end].TrimEnd();
            start = end;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }

            available = Width;
        }
    }

    /// <summary>A new page when the next <paramref name="height"/> points do not fit on this one.</summary>
    private void Room(double height)
    {
        if (y + height <= page.Height.Point - Margin)
        {
            return;
        }

        g.Dispose();
        page = OfficialPdf.AddA4Page(document);
        g = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    public void Dispose() => g.Dispose();
}
