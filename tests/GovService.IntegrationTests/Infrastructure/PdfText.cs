namespace GovService.IntegrationTests.Infrastructure;

/// <summary>The text of a PDF the portal issued, read back with poppler's pdftotext (installed with ./gov.sh test).</summary>
public static class PdfText
{
    public static async Task<string> ReadAsync(byte[] pdf, string name)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var extract = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = await extract.StandardOutput.ReadToEndAsync();
            await extract.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
