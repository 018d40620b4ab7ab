using GovService.Web.Shared.Files;
using GovService.Testing;
using System.IO.Compression;
using System.Text;
using GovService.Web.Modules.Catalog.Browse;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Catalog.Exchange;

namespace GovService.UnitTests.Catalog;

public sealed class CatalogFilesTests
{
    [Fact]
    public void A_generated_blank_form_is_a_word_document_with_every_label_and_no_example_values()
    {
        var bytes = DocxFormWriter.Write("食品经营许可申请书", "云溪县市场监督管理局", [("经营者名称", ""), ("经营场所", "")]);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var document = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8).ReadToEnd();
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.Contains("经营者名称", document, StringComparison.Ordinal);
        Assert.Contains("经营场所", document, StringComparison.Ordinal);
        Assert.NotNull(UploadRules.Detect(bytes));
    }

    [Fact]
    public void Text_in_a_form_is_escaped_as_xml()
    {
        var bytes = DocxFormWriter.Write("A & B <C>", "", [("x", "<script>")]);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var document = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8).ReadToEnd();

        Assert.Contains("A &amp; B &lt;C&gt;", document, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", document, StringComparison.Ordinal);
    }

    /// <summary>A one-pixel PNG: signature, IHDR, IDAT, IEND.</summary>
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
        0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xFF, 0xFF, 0x3F,
        0x00, 0x05, 0xFE, 0x02, 0xFE, 0x0D, 0xEF, 0x46, 0xB8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    /// <summary>Whole files of each allowed kind, as small as they come.</summary>
    public static TheoryData<string, byte[]> WholeFiles => new()
    {
        { ".pdf", SamplePdf.Build() },
        { ".png", Png },
        {
            ".jpg",
            [
                0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
                0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
                0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x00, 0xFF, 0xD9,
            ]
        },
        { ".docx", DocxFormWriter.Write("申请书", "云溪县民政局", [("姓名", "")]) },
    };

    [Theory]
    [MemberData(nameof(WholeFiles))]
    public void Allowed_files_are_recognised_by_their_content(string extension, byte[] content) =>
        Assert.Equal(extension, UploadRules.Detect(content)?.Extension);

    [Theory]
    [InlineData("MZ\u0090\u0000")] // a Windows executable renamed to .pdf
    [InlineData("<html><script>")]
    [InlineData("")]
    [InlineData("%PDF-1.7\n<script>alert(1)</script>")] // a PDF header in front of a script
    [InlineData("%PDF-1.7\n<script>alert(1)</script>\n%%EOF\n")] // … and a PDF's last line behind it
    [InlineData("%PDF-1.7\n<script>alert(1)</script>\nstartxref\n9\n%%EOF\n")] // … and a whole ending, but no cross-reference section anywhere
    [InlineData("\u0089PNG\r\n\u001a\n<script>alert(1)</script>")]
    [InlineData("\u00FF\u00D8\u00FF\u00E0<script>alert(1)</script>")]
    [InlineData("PK\u0003\u0004<script>alert(1)</script>")]
    [InlineData("\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1<script>alert(1)</script>")]
    public void Anything_else_is_refused_whatever_its_name_or_first_bytes(string content) =>
        Assert.Null(UploadRules.Detect(Encoding.Latin1.GetBytes(content)));

    [Fact]
    public void A_png_with_something_after_its_end_is_refused() =>
        Assert.Null(UploadRules.Detect([.. Png, .. "<script>alert(1)</script>"u8]));

    [Theory]
    [InlineData("居民身份证", "居民 身份证")]
    [InlineData("户口簿（户主页）", "户口簿(户主页)")]
    public void Materials_with_the_same_name_are_merged_in_a_bundle(string a, string b) =>
        Assert.Equal(CatalogQueries.MaterialKey(a), CatalogQueries.MaterialKey(b));
}
