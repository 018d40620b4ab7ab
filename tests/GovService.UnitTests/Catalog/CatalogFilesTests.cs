using GovService.Web.Shared.Files;
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

    [Theory]
    [InlineData("%PDF-1.7", ".pdf")]
    [InlineData("\u0089PNG\r\n\u001a\n", ".png")]
    public void Allowed_files_are_recognised_by_their_first_bytes(string head, string extension) =>
        Assert.Equal(extension, UploadRules.Detect(Encoding.Latin1.GetBytes(head + "rest of the file"))?.Extension);

    [Theory]
    [InlineData("MZ\u0090\u0000")] // a Windows executable renamed to .pdf
    [InlineData("<html><script>")]
    [InlineData("")]
    public void Anything_else_is_refused_whatever_its_name(string head) =>
        Assert.Null(UploadRules.Detect(Encoding.Latin1.GetBytes(head)));

    [Theory]
    [InlineData("居民身份证", "居民 身份证")]
    [InlineData("户口簿（户主页）", "户口簿(户主页)")]
    public void Materials_with_the_same_name_are_merged_in_a_bundle(string a, string b) =>
        Assert.Equal(CatalogQueries.MaterialKey(a), CatalogQueries.MaterialKey(b));
}
