using System.Globalization;
using System.IO.Compression;
using System.Text;
using GovService.Testing;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Certificates.Issuance;
using GovService.Web.Shared.Documents;
using GovService.Web.Shared.Files;

namespace GovService.UnitTests.Files;

/// <summary>
/// A file is taken as a PDF only when it is built like one: its ending names a cross-reference section that is
/// there, and the objects that section lists are where it says. The PDFs people really upload — a scanner's, Chromium's
/// "print to PDF", the portal's own licences, writers that keep the section in a compressed stream, files updated
/// incrementally — pass; a script with a PDF header and ending around it does not.
/// </summary>
public sealed class PdfUploadTests
{
    /// <summary>The 88 bytes of issue 26: a PDF header, a web page, and the words of a PDF ending with nothing they refer to.</summary>
    public const string HostilePdf = "%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\ntrailer\nstartxref\n0\n%%EOF\n";

    private static bool IsPdf(byte[] content) => UploadRules.Detect(content)?.Extension == ".pdf";

    private static bool IsPdf(string content) => IsPdf(Encoding.Latin1.GetBytes(content));

    [Fact]
    public void The_88_byte_page_with_a_pdf_header_and_ending_is_refused()
    {
        Assert.Equal(88, HostilePdf.Length);
        Assert.False(IsPdf(HostilePdf));
    }

    [Fact]
    public void A_scanners_pdf_with_a_cross_reference_table_is_recognised() => Assert.True(IsPdf(SamplePdf.Build()));

    [Fact]
    public void A_pdf_printed_by_chromium_is_recognised() =>
        Assert.True(IsPdf(File.ReadAllBytes(Path.Combine(Repository.Root, "tests", "GovService.UnitTests", "Files", "Samples", "chromium-print.pdf"))));

    [Fact]
    public void The_licence_pdf_the_portal_generates_is_recognised()
    {
        Assert.True(OfficialPdf.FontAvailable, $"{OfficialPdf.CjkFontFile} and {OfficialPdf.LatinFontFile} are needed (./gov.sh installs them)");
        var licence = new Licence
        {
            Identifier = LicenceIdentifier.Create("11100000MB0143530K003", "11361131014253041T", "20260000001", 1),
            Name = "食品经营许可证",
            Number = "JY320260000001",
            IssuerName = "云溪县市场监督管理局",
            HolderName = "张伟",
            HolderCode = "361131198506120026",
            IssuedOn = new DateOnly(2026, 12, 1),
            ValidFrom = new DateOnly(2026, 12, 1),
            FaceData = new() { ["经营项目"] = "热食类食品制售" },
            Signature = "c2lnbmF0dXJl",
            KeyId = "0123456789abcdef",
        };

        Assert.True(IsPdf(LicencePdf.Render(licence, "https://zwfw.example.gov.cn/verify/x?code=K7M2Q9XD", key => key)));
    }

    [Fact]
    public void A_pdf_written_with_carriage_return_line_feeds_is_recognised() =>
        Assert.True(IsPdf(TablePdf("\r\n")));

    [Fact]
    public void Bytes_after_the_last_end_of_file_marker_do_not_matter() =>
        Assert.True(IsPdf([.. SamplePdf.Build(), .. new byte[600]]));

    [Fact]
    public void An_incrementally_updated_pdf_is_recognised_by_its_last_section()
    {
        foreach (var original in new[] { SamplePdf.Build(), File.ReadAllBytes(Path.Combine(Repository.Root, "tests", "GovService.UnitTests", "Files", "Samples", "chromium-print.pdf")) })
        {
            var text = Encoding.Latin1.GetString(original);
            var previous = text[(text.LastIndexOf("startxref", StringComparison.Ordinal) + 10)..].Trim().Split('\n')[0].Trim();
            var added = "99 0 obj\n<< /Producer (扫描仪 批注) >>\nendobj\n";
            var update = $"xref\n0 1\n0000000000 65535 f \n99 1\n{original.Length:D10} 00000 n \ntrailer\n<< /Size 100 /Root 1 0 R /Prev {previous} >>\nstartxref\n{original.Length + Encoding.Latin1.GetByteCount(added)}\n%%EOF\n";

            Assert.True(IsPdf([.. original, .. Encoding.Latin1.GetBytes(added + update)]));
        }
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(true, 12)]
    public void A_pdf_with_a_cross_reference_stream_is_recognised(bool compressed, int predictor) =>
        Assert.True(IsPdf(StreamPdf(compressed, predictor, offsetSlip: 0)));

    [Fact]
    public void A_cross_reference_stream_pdf_updated_incrementally_with_another_stream_is_recognised()
    {
        var original = StreamPdf(compressed: true, predictor: 12, offsetSlip: 0);
        var text = Encoding.Latin1.GetString(original);
        var previous = int.Parse(text[(text.LastIndexOf("startxref", StringComparison.Ordinal) + 10)..].Split('\n')[0], CultureInfo.InvariantCulture);
        var added = Encoding.Latin1.GetBytes("6 0 obj\n<< /Type /Annot /Subtype /Text >>\nendobj\n");
        var xref = original.Length + added.Length;
        var stream = XrefStreamObject(7, [(1, original.Length, 0), (1, xref, 0)], "/Size 8 /Index [6 2] /Prev " + previous.ToString(CultureInfo.InvariantCulture) + " /Root 1 0 R", compressed: true, predictor: 12);

        Assert.True(IsPdf([.. original, .. added, .. stream, .. Encoding.Latin1.GetBytes($"startxref\n{xref}\n%%EOF\n")]));
    }

    [Fact]
    public void A_cross_reference_stream_whose_offsets_land_on_no_object_is_refused() =>
        Assert.False(IsPdf(StreamPdf(compressed: true, predictor: 12, offsetSlip: 3)));

    [Fact]
    public void An_ending_whose_offset_lands_on_an_object_that_is_no_cross_reference_stream_is_refused()
    {
        var pdf = Encoding.Latin1.GetString(SamplePdf.Build());
        var at = pdf.LastIndexOf("startxref\n", StringComparison.Ordinal) + "startxref\n".Length;
        Assert.False(IsPdf(pdf[..at] + pdf.IndexOf("1 0 obj", StringComparison.Ordinal) + "\n%%EOF\n"));
    }

    [Fact]
    public void A_stale_offset_to_the_cross_reference_table_is_refused()
    {
        var pdf = Encoding.Latin1.GetString(SamplePdf.Build());
        var at = pdf.LastIndexOf("startxref\n", StringComparison.Ordinal) + "startxref\n".Length;
        Assert.False(IsPdf(pdf[..at] + "3" + pdf[pdf.IndexOf('\n', at)..]));
    }

    [Fact]
    public void A_table_whose_entries_land_on_a_script_instead_of_objects_is_refused()
    {
        const string Head = "%PDF-1.4\n<script>alert(1)</script>\nendobj\n";
        var forged = $"{Head}xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 >>\nstartxref\n{Head.Length}\n%%EOF\n";
        Assert.False(IsPdf(forged));
    }

    [Fact]
    public void A_table_listing_no_object_in_use_is_refused()
    {
        const string Head = "%PDF-1.4\n<script>alert(1)</script>\n";
        Assert.False(IsPdf($"{Head}xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n{Head.Length}\n%%EOF\n"));
    }

    [Fact]
    public void Objects_never_closed_by_endobj_are_refused()
    {
        var pdf = Encoding.Latin1.GetString(SamplePdf.Build()).Replace("endobj", "endxxx", StringComparison.Ordinal);
        Assert.False(IsPdf(pdf));
    }

    [Fact]
    public void A_pdf_whose_line_ends_were_changed_after_writing_is_refused_because_its_offsets_went_stale() =>
        Assert.False(IsPdf(Encoding.Latin1.GetString(SamplePdf.Build()).Replace("\n", "\r\n", StringComparison.Ordinal)));

    /// <summary>Catalog, pages and an info object, a cross-reference table with the given line end.</summary>
    private static byte[] TablePdf(string newline)
    {
        var text = new StringBuilder("%PDF-1.7" + newline);
        var offsets = new List<int>();
        foreach (var body in (string[])["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>", "<< /Producer (LibreOffice 7.4) >>"])
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj{newline}{body}{newline}endobj{newline}");
        }

        var xref = text.Length;
        // Entries are 20 bytes whatever the line end: "nnnnnnnnnn ggggg n" plus a two-byte end (" \n" or "\r\n").
        var end = newline == "\r\n" ? "\r\n" : " \n";
        text.Append(CultureInfo.InvariantCulture, $"xref{newline}0 {offsets.Count + 1}{newline}0000000000 65535 f{end}");
        foreach (var offset in offsets)
        {
            text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n{end}");
        }

        text.Append(CultureInfo.InvariantCulture, $"trailer{newline}<< /Size {offsets.Count + 1} /Root 1 0 R /Info 3 0 R >>{newline}startxref{newline}{xref}{newline}%%EOF{newline}");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// <summary>
    /// A PDF 1.5 file as Acrobat or LibreOffice's PDF/A export writes it: plain objects, one object kept in an object
    /// stream, and the cross-reference section as a stream object (/W [1 4 2]), optionally deflated and PNG-predicted.
    /// <paramref name="offsetSlip"/> moves every listed offset, as a forger who did not count would.
    /// </summary>
    private static byte[] StreamPdf(bool compressed, int predictor, int offsetSlip)
    {
        var pdf = new List<byte>();
        void Write(string text) => pdf.AddRange(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.5\n%\u00E2\u00E3\u00CF\u00D3\n");
        var catalog = pdf.Count;
        Write("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        var pages = pdf.Count;
        Write("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
        var objectStream = pdf.Count;
        const string Packed = "4 0 << /Producer (LibreOffice) >>";
        Write($"3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length {Packed.Length} >>\nstream\n{Packed}\nendstream\nendobj\n");
        var xref = pdf.Count;
        pdf.AddRange(XrefStreamObject(5, [(0, 0, 65535), (1, catalog + offsetSlip, 0), (1, pages + offsetSlip, 0), (1, objectStream + offsetSlip, 0), (2, 3, 0), (1, xref + offsetSlip, 0)], "/Size 6 /Root 1 0 R", compressed, predictor));
        Write($"startxref\n{xref}\n%%EOF\n");
        return [.. pdf];
    }

    private static byte[] XrefStreamObject(int number, (int Type, int Field2, int Field3)[] entries, string dictionary, bool compressed, int predictor)
    {
        const int Columns = 7;
        var rows = new List<byte[]>();
        foreach (var (type, field2, field3) in entries)
        {
            rows.Add([(byte)type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)(field3 >> 8), (byte)field3]);
        }

        var data = new List<byte>();
        for (var r = 0; r < rows.Count; r++)
        {
            if (predictor >= 10)
            {
                // PNG "Up": each byte as its difference to the byte above.
                data.Add(2);
                data.AddRange(rows[r].Select((b, i) => (byte)(b - (r == 0 ? 0 : rows[r - 1][i]))));
            }
            else
            {
                data.AddRange(rows[r]);
            }
        }

        byte[] body = [.. data];
        var filter = "";
        if (compressed)
        {
            using var output = new MemoryStream();
            using (var deflate = new ZLibStream(output, CompressionLevel.Optimal))
            {
                deflate.Write(body);
            }

            body = output.ToArray();
            filter = " /Filter /FlateDecode" + (predictor >= 10 ? $" /DecodeParms << /Columns {Columns} /Predictor {predictor} >>" : "");
        }

        return [.. Encoding.Latin1.GetBytes($"{number} 0 obj\n<< /Type /XRef /W [1 4 2] {dictionary}{filter} /Length {body.Length} >>\nstream\n"), .. body, .. "\nendstream\nendobj\n"u8];
    }
}
