using System.Globalization;
using GovService.Web.Shared.CodeLists;

namespace GovService.UnitTests.Catalog;

public sealed class CodeListTermTests
{
    private static IEnumerable<string> AllTerms() =>
        CodeLists.ItemTypes.Values
            .Concat(CodeLists.Levels.Values).Concat(CodeLists.BodyNatures.Values).Concat(CodeLists.ServiceObjects.Values)
            .Concat(CodeLists.Channels.Values).Concat(CodeLists.CaseKinds.Values).Concat(CodeLists.OnlineDepths.Values)
            .Concat(CodeLists.Themes.Select(t => t.Name));

    [Fact]
    public void Every_term_of_the_code_lists_has_an_english_name()
    {
        var missing = AllTerms().Where(t => !CodeLists.EnglishTerms.ContainsKey(t)).ToList();
        Assert.Empty(missing);
        Assert.All(CodeLists.EnglishTerms.Values, e => Assert.Matches("^[A-Z][A-Za-z ,()-]+$", e));
    }

    [Fact]
    public void An_english_page_names_the_terms_in_english_and_a_chinese_page_in_the_standards_words()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Administrative licence", CodeLists.ItemTypes.Named("01"));
            Assert.Equal("County level", CodeLists.Levels.Named(4));
            Assert.Equal("Commitment case", CodeLists.CaseKinds.Named(2));
            Assert.Equal("Online pre-review", CodeLists.OnlineDepths.Named(3));
            Assert.Equal("Food and medicines", CodeLists.ThemeName("food-drug"));
            Assert.Equal(", ", CodeLists.ListSeparator);

            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("行政许可", CodeLists.ItemTypes.Named("01"));
            Assert.Equal("承诺件", CodeLists.CaseKinds.Named(2));
            Assert.Equal("", CodeLists.CaseKinds.Named(9));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
