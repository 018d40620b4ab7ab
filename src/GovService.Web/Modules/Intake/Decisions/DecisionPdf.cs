using GovService.Web.Shared.Documents;
using Microsoft.AspNetCore.Mvc;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GovService.Web.Modules.Intake.Decisions;

/// <summary>The written decision as an A4 PDF: the same parts as the page, in the portal's document fonts (<see cref="OfficialPdf"/>).</summary>
public static class DecisionPdf
{
    /// <summary>The decision as a PDF download, kept in no cache; 503 (and an error in the log) when the document fonts are not installed.</summary>
    public static IActionResult Download(ControllerBase controller, DecisionText decision, ILogger logger)
    {
        if (!OfficialPdf.FontAvailable)
        {
            logger.LogError("The CJK font {Font} is missing: apt-get install fonts-droid-fallback fonts-dejavu-core", OfficialPdf.CjkFontFile);
            return controller.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        controller.Response.Headers.CacheControl = "private, no-store";
        return controller.File(Render(decision), "application/pdf", $"{decision.Number}.pdf");
    }

    public static byte[] Render(DecisionText decision)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{decision.Title} {decision.Number}";
        document.Info.Author = decision.Issuer;
        using (var flow = new PdfTextFlow(document))
        {
            flow.Centred(decision.Issuer, 20, XBrushes.DarkRed);
            flow.Centred(decision.Title, 20, XBrushes.DarkRed);
            flow.Centred(decision.NumberLine, 11);
            flow.Gap(14);
            flow.Paragraph(decision.Addressee, 12);
            foreach (var paragraph in decision.Body())
            {
                flow.Paragraph(paragraph, 12, indent: 24);
            }

            flow.Gap(28);
            flow.Right(decision.Issuer, 12);
            flow.Right(decision.DateLine, 12);
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }
}
