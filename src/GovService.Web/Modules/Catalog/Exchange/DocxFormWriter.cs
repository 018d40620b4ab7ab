using System.IO.Compression;
using System.Security;
using System.Text;

namespace GovService.Web.Modules.Catalog.Exchange;

/// <summary>
/// Writes a minimal Word document (Office Open XML) holding a form: a title and a two-column table of
/// labels and values. Used to generate the blank forms (values empty) and filled samples of the seed,
/// so every guide has real files to download. Word, WPS and LibreOffice open it.
/// </summary>
public static class DocxFormWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(string title, string subtitle, IEnumerable<(string Label, string Value)> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Add(zip, "word/document.xml", Document(title, subtitle, rows));
        }

        return buffer.ToArray();
    }

    private static string Document(string title, string subtitle, IEnumerable<(string Label, string Value)> rows)
    {
        var body = new StringBuilder();
        body.Append(Paragraph(title, bold: true, size: 36, centre: true));
        body.Append(Paragraph(subtitle, bold: false, size: 21, centre: true));
        body.Append("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>");
        foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
        {
            body.Append($"<w:{side} w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>");
        }

        body.Append("</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"6000\"/></w:tblGrid>");
        foreach (var (label, value) in rows)
        {
            body.Append("<w:tr><w:trPr><w:trHeight w:val=\"600\"/></w:trPr>");
            body.Append($"<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr>{Paragraph(label, bold: true, size: 24, centre: false)}</w:tc>");
            body.Append($"<w:tc><w:tcPr><w:tcW w:w=\"6000\" w:type=\"dxa\"/></w:tcPr>{Paragraph(value, bold: false, size: 24, centre: false)}</w:tc>");
            body.Append("</w:tr>");
        }

        body.Append("</w:tbl>");
        body.Append(Paragraph("申请人（签字）：                    日期：      年    月    日", bold: false, size: 24, centre: false));
        return $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr></w:body></w:document>""";
    }

    private static string Paragraph(string text, bool bold, int size, bool centre)
    {
        var run = $"<w:rPr><w:rFonts w:ascii=\"SimSun\" w:eastAsia=\"SimSun\" w:hAnsi=\"SimSun\"/>{(bold ? "<w:b/>" : "")}<w:sz w:val=\"{size}\"/></w:rPr>";
        var align = centre ? "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" : "";
        return $"<w:p>{align}<w:r>{run}<w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r></w:p>";
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
