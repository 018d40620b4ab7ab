using GovService.Web.Shared.Files;

namespace GovService.UnitTests.Files;

/// <summary>The name an upload is stored and served under says nothing the bytes do not bear out and reads as what it is.</summary>
public sealed class StoredFileNameTests
{
    private static readonly UploadRules.Kind Pdf = new(".pdf", "application/pdf");
    private static readonly UploadRules.Kind Jpeg = new(".jpg", "image/jpeg");

    [Theory]
    [InlineData("营业执照.pdf", "营业执照.pdf")]
    [InlineData("C:\\Users\\张伟\\扫描\\营业执照.pdf", "营业执照.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("..\\..\\web.config", "web.pdf")]
    [InlineData("a/b\\c.pdf", "c.pdf")]
    public void Path_parts_of_either_kind_are_dropped(string uploaded, string stored) =>
        Assert.Equal(stored, StoredFileName.For(uploaded, Pdf, "营业执照", 255));

    [Fact]
    public void A_right_to_left_override_cannot_make_a_pdf_read_as_a_png()
    {
        // On screen "\u202Egnp.pdf" reads "fdp.png".
        Assert.Equal("gnp.pdf", StoredFileName.For("\u202Egnp.pdf", Pdf, "材料", 255));
    }

    [Theory]
    [InlineData('\u061C')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    [InlineData('\u0000')]
    [InlineData('\u0007')]
    [InlineData('\n')]
    [InlineData('\r')]
    [InlineData('\u007F')]
    [InlineData('\u0085')]
    public void Bidirectional_and_control_characters_are_removed(char hidden) =>
        Assert.Equal("身份证正面.pdf", StoredFileName.For($"身份{hidden}证正面{hidden}.pdf", Pdf, "身份证", 255));

    [Theory]
    [InlineData("照片.png", "照片.jpg")]
    [InlineData("照片.exe", "照片.jpg")]
    [InlineData("照片", "照片.jpg")]
    [InlineData("照片.pdf.exe", "照片.pdf.jpg")]
    public void The_extension_is_the_detected_types_not_the_uploaders(string uploaded, string stored) =>
        Assert.Equal(stored, StoredFileName.For(uploaded, Jpeg, "照片", 255));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData(".pdf")]
    [InlineData("C:\\scans\\")]
    [InlineData("\u202E\u2066")]
    public void A_name_with_nothing_left_is_the_materials_name(string? uploaded) =>
        Assert.Equal("营业执照.pdf", StoredFileName.For(uploaded, Pdf, "营业执照", 255));

    [Theory]
    [InlineData(156, 1)] // room for 150 characters and one emoji (a surrogate pair)
    [InlineData(155, 0)] // room for 150 and half an emoji: the emoji goes whole
    public void A_long_name_is_trimmed_to_the_column_with_the_extension_kept_and_no_character_cut_in_half(int column, int emojis)
    {
        var stored = StoredFileName.For(new string('证', 150) + "😀😀😀😀" + ".pdf", Pdf, "材料", column);

        Assert.Equal(new string('证', 150) + string.Concat(Enumerable.Repeat("😀", emojis)) + ".pdf", stored);
        Assert.True(stored.Length <= column);
    }

    [Theory]
    [InlineData(".docx", "清单.xlsx", ".xlsx")]
    [InlineData(".docx", "申请书.docx", ".docx")]
    [InlineData(".doc", "旧表.xls", ".xls")]
    [InlineData(".pdf", "扫描.xlsx", ".pdf")]
    public void An_office_file_named_as_a_spreadsheet_is_one_and_nothing_else_takes_its_type_from_the_name(string detected, string name, string extension) =>
        Assert.Equal(extension, UploadRules.Refine(new(detected, "x"), name).Extension);
}
