using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Shared.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GovService.Web.Modules.Certificates.Issuance;

/// <summary>
/// The licence as an A4 PDF, drawn with the portal's document fonts (<see cref="OfficialPdf"/>: Chinese in an embedded
/// CJK font, Latin letters and digits in DejaVu Sans) and the verification QR code.
/// </summary>
public static class LicencePdf
{
    private static void DrawMixed(XGraphics g, string text, double size, XBrush brush, double x, double y) => OfficialPdf.DrawMixed(g, text, size, brush, x, y);

    public static byte[] Render(Licence licence, string verifyUrl, Func<string, string> text)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{licence.Name} {licence.Number}";
        var page = OfficialPdf.AddA4Page(document);
        using var g = XGraphics.FromPdfPage(page);
        var title = OfficialPdf.Font(26);
        var small = OfficialPdf.Font(8);
        var width = page.Width.Point;

        g.DrawRectangle(new XPen(XColors.DarkRed, 2), 30, 30, width - 60, page.Height.Point - 60);
        g.DrawString(licence.Name, title, XBrushes.DarkRed, new XRect(0, 70, width, 40), XStringFormats.Center);
        var y = 150.0;
        void Line(string label, string value)
        {
            DrawMixed(g, label, 12, XBrushes.Black, 70, y);
            DrawMixed(g, value, 12, XBrushes.Black, 210, y);
            y += 26;
        }

        Line(text("Licence.Number"), licence.Number);
        Line(text("Licence.Holder"), licence.HolderName);
        Line(text("Licence.HolderCode"), Shared.Identity.ChineseIdNumber.Mask(licence.HolderCode));
        foreach (var (label, value) in licence.FaceData)
        {
            Line(label, value.Length > 40 ? value[..40] + "…" : value);
        }

        Line(text("Licence.Validity"), $"{licence.ValidFrom:yyyy-MM-dd} — {(licence.ValidUntil is { } until ? until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : text("Licence.LongTerm"))}");
        Line(text("Licence.Issuer"), licence.IssuerName);
        Line(text("Licence.IssuedOn"), licence.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // The QR code drawn as vector squares (sharp at any zoom, no image decoder needed).
        using (var generator = new QRCoder.QRCodeGenerator())
        using (var qr = generator.CreateQrCode(verifyUrl, QRCoder.QRCodeGenerator.ECCLevel.M))
        {
            var modules = qr.ModuleMatrix;
            var cell = 150.0 / modules.Count;
            for (var row = 0; row < modules.Count; row++)
            {
                for (var column = 0; column < modules[row].Length; column++)
                {
                    if (modules[row][column])
                    {
                        g.DrawRectangle(XBrushes.Black, width - 230 + column * cell, 150 + row * cell, cell, cell);
                    }
                }
            }
        }

        g.DrawString(text("Licence.ScanToVerify"), small, XBrushes.Gray, new XRect(width - 230, 305, 150, 12), XStringFormats.Center);
        DrawMixed(g, $"{text("Licence.VerificationCode")}：{licence.VerificationCode}", 10, XBrushes.Black, width - 210, 332);
        var bottom = page.Height.Point - 110;
        DrawMixed(g, $"{text("Licence.Identifier")}：{licence.Identifier}", 8, XBrushes.Gray, 70, bottom);
        DrawMixed(g, $"{text("Licence.Signature")}（{licence.KeyId}）：", 8, XBrushes.Gray, 70, bottom + 14);
        DrawMixed(g, licence.Signature, 7, XBrushes.Gray, 70, bottom + 26);

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }
}
