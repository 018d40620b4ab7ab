using System.Globalization;
using GovService.UnitTests.Calendar;
using GovService.Web.Modules.Catalog.Contracts;

namespace GovService.UnitTests.Catalog;

/// <summary>An application's answers as staff and the applicant read them: labels and typed values, never keys.</summary>
public sealed class FieldAnswersTests
{
    private static readonly PublishedField[] Fields =
    [
        new("business_format", "主体业态", "Choice", true, ["食品销售经营者", "餐饮服务经营者"], ""),
        new("opened_on", "开业日期", "Date", false, [], ""),
        new("operating_area", "经营场所面积（平方米）", "Number", true, [], ""),
        new("online_sales", "是否通过网络平台经营", "YesNo", true, [], ""),
    ];

    private static IReadOnlyList<FieldAnswer> Describe(string culture, Dictionary<string, string> answers)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return FieldAnswers.Describe(Fields, answers, Notices.Localizer());
    }

    [Fact]
    public void Answers_carry_the_catalog_labels_in_the_fields_order_with_typed_values()
    {
        var answers = Describe("zh-CN", new()
        {
            ["online_sales"] = "false",
            ["operating_area"] = "86.5",
            ["opened_on"] = "2026-10-31",
            ["business_format"] = "餐饮服务经营者",
        });

        Assert.Equal(["主体业态", "开业日期", "经营场所面积（平方米）", "是否通过网络平台经营"], answers.Select(a => a.Label));
        Assert.Equal(["餐饮服务经营者", "2026年10月31日", "86.5", "否"], answers.Select(a => a.Value));
    }

    [Fact]
    public void In_english_yes_no_and_dates_read_in_english()
    {
        var answers = Describe("en", new() { ["online_sales"] = "true", ["opened_on"] = "2026-10-31" });

        Assert.Equal(["31 October 2026", "Yes"], answers.Select(a => a.Value));
    }

    [Fact]
    public void A_blank_answer_is_a_dash_and_an_answer_the_version_no_longer_asks_keeps_its_key_after_the_others()
    {
        var answers = Describe("zh-CN", new() { ["retired_field"] = "旧值", ["online_sales"] = " " });

        Assert.Equal([new FieldAnswer("online_sales", "是否通过网络平台经营", "—"), new FieldAnswer("retired_field", "retired_field", "旧值")], answers);
    }
}
