using System.Globalization;

namespace GovService.Web.Shared.CodeLists;

/// <summary>
/// GB/T 39046-2020 appendix A code lists, shared by every module, with their Chinese names (the standard's own words).
/// English pages show each term's English name (<see cref="Term"/>, <see cref="Named{TKey}"/>); a unit test holds every
/// term to having one.
/// </summary>
public static class CodeLists
{
    /// <summary>A.1 事项类型</summary>
    public static readonly IReadOnlyDictionary<string, string> ItemTypes = new Dictionary<string, string>
    {
        ["01"] = "行政许可", ["02"] = "行政处罚", ["03"] = "行政强制", ["04"] = "行政征收", ["05"] = "行政给付",
        ["06"] = "行政检查", ["07"] = "行政确认", ["08"] = "行政奖励", ["09"] = "行政裁决", ["10"] = "其他行政权力",
        ["20"] = "公共服务",
    };

    /// <summary>A.2 行使层级 (the levels a county platform carries)</summary>
    public static readonly IReadOnlyDictionary<int, string> Levels = new Dictionary<int, string>
    {
        [4] = "县级", [5] = "镇（乡、街道）级", [6] = "村（社区）级",
    };

    /// <summary>A.3 实施主体性质</summary>
    public static readonly IReadOnlyDictionary<int, string> BodyNatures = new Dictionary<int, string>
    {
        [1] = "法定机关", [2] = "授权组织", [3] = "受委托组织", [9] = "其他",
    };

    /// <summary>A.4 服务对象</summary>
    public static readonly IReadOnlyDictionary<int, string> ServiceObjects = new Dictionary<int, string>
    {
        [1] = "自然人", [2] = "企业法人", [3] = "事业法人", [4] = "社会组织法人", [5] = "行政机关", [6] = "其他组织",
    };

    /// <summary>A.5 办理形式</summary>
    public static readonly IReadOnlyDictionary<int, string> Channels = new Dictionary<int, string>
    {
        [1] = "窗口办理", [2] = "电脑端网上办理", [3] = "移动端网上申请", [4] = "快递申请", [9] = "其他",
    };

    /// <summary>A.6 办件类型</summary>
    public static readonly IReadOnlyDictionary<int, string> CaseKinds = new Dictionary<int, string>
    {
        [1] = "即办件", [2] = "承诺件",
    };

    /// <summary>网上办理深度</summary>
    public static readonly IReadOnlyDictionary<int, string> OnlineDepths = new Dictionary<int, string>
    {
        [1] = "办事指南公开", [2] = "表格下载", [3] = "在线预审", [4] = "全程网办",
    };

    /// <summary>Life-event themes (个人 / 法人). Codes are stable; names are shown.</summary>
    public static readonly IReadOnlyList<Theme> Themes =
    [
        new("birth", "生育收养", Audience.Personal), new("household", "户籍办理", Audience.Personal),
        new("education", "教育科研", Audience.Personal), new("employment", "就业创业", Audience.Personal),
        new("social-security", "社会保障", Audience.Personal), new("medical", "医疗卫生", Audience.Personal),
        new("marriage", "婚姻登记", Audience.Personal), new("housing", "住房保障", Audience.Personal),
        new("veterans", "退役军人", Audience.Personal), new("disability", "残疾人", Audience.Personal),
        new("elderly", "养老服务", Audience.Personal), new("assistance", "社会救助", Audience.Personal),
        new("rural", "农村农业", Audience.Personal), new("retirement", "离退休", Audience.Personal),
        new("transport", "交通出行", Audience.Personal),
        new("start-business", "设立变更", Audience.Legal), new("licensing", "准营准办", Audience.Legal),
        new("food-drug", "食品药品", Audience.Legal), new("construction", "投资建设", Audience.Legal),
        new("agriculture", "农林牧渔", Audience.Legal), new("hr", "人力资源", Audience.Legal),
        new("tax-finance", "财税金融", Audience.Legal), new("public-health", "卫生健康", Audience.Legal),
    ];

    public static string ThemeName(string code) => Themes.FirstOrDefault(t => t.Code == code) is { } theme ? Term(theme.Name) : code;

    /// <summary>The name of a code in the page's language ("" for a code not in the list).</summary>
    public static string Named<TKey>(this IReadOnlyDictionary<TKey, string> list, TKey code)
        where TKey : notnull =>
        list.TryGetValue(code, out var name) ? Term(name) : "";

    /// <summary>A term of these lists in the page's language: the standard's Chinese word, or its English name on an English page.</summary>
    public static string Term(string chinese) => IsEnglish && English.TryGetValue(chinese, out var english) ? english : chinese;

    /// <summary>How the page's language joins a list of terms: 、 in Chinese, a comma in English.</summary>
    public static string ListSeparator => IsEnglish ? ", " : "、";

    /// <summary>Every term of the lists above, in English (exposed for the test that none is missing).</summary>
    public static IReadOnlyDictionary<string, string> EnglishTerms => English;

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static readonly Dictionary<string, string> English = new()
    {
        // A.1 事项类型
        ["行政许可"] = "Administrative licence", ["行政处罚"] = "Administrative penalty", ["行政强制"] = "Administrative enforcement",
        ["行政征收"] = "Administrative levy", ["行政给付"] = "Administrative benefit", ["行政检查"] = "Administrative inspection",
        ["行政确认"] = "Administrative confirmation", ["行政奖励"] = "Administrative award", ["行政裁决"] = "Administrative adjudication",
        ["其他行政权力"] = "Other administrative power", ["公共服务"] = "Public service",

        // A.2 行使层级
        ["县级"] = "County level", ["镇（乡、街道）级"] = "Township level", ["村（社区）级"] = "Village (community) level",

        // A.3 实施主体性质
        ["法定机关"] = "Statutory authority", ["授权组织"] = "Authorised organisation", ["受委托组织"] = "Entrusted organisation", ["其他"] = "Other",

        // A.4 服务对象
        ["自然人"] = "Natural person", ["企业法人"] = "Enterprise", ["事业法人"] = "Public institution", ["社会组织法人"] = "Social organisation",
        ["行政机关"] = "Government body", ["其他组织"] = "Other organisation",

        // A.5 办理形式
        ["窗口办理"] = "At a service window", ["电脑端网上办理"] = "Online on a computer", ["移动端网上申请"] = "Online on a phone", ["快递申请"] = "By courier",

        // A.6 办件类型, 网上办理深度
        ["即办件"] = "Immediate case", ["承诺件"] = "Commitment case",
        ["办事指南公开"] = "Guide published", ["表格下载"] = "Forms to download", ["在线预审"] = "Online pre-review", ["全程网办"] = "Fully online",

        // Themes
        ["生育收养"] = "Birth and adoption", ["户籍办理"] = "Household registration", ["教育科研"] = "Education and research",
        ["就业创业"] = "Jobs and start-ups", ["社会保障"] = "Social security", ["医疗卫生"] = "Health care", ["婚姻登记"] = "Marriage registration",
        ["住房保障"] = "Housing", ["退役军人"] = "Veterans", ["残疾人"] = "People with disabilities", ["养老服务"] = "Elderly care",
        ["社会救助"] = "Social assistance", ["农村农业"] = "Rural life and farming", ["离退休"] = "Retirement", ["交通出行"] = "Transport",
        ["设立变更"] = "Setting up and changes", ["准营准办"] = "Permits to operate", ["食品药品"] = "Food and medicines",
        ["投资建设"] = "Investment and construction", ["农林牧渔"] = "Farming, forestry and fishery", ["人力资源"] = "Human resources",
        ["财税金融"] = "Tax and finance", ["卫生健康"] = "Public health",
    };

    public static bool IsPersonal(IEnumerable<int> serviceObjects) => serviceObjects.Contains(1);

    public static bool IsLegal(IEnumerable<int> serviceObjects) => serviceObjects.Any(o => o is 2 or 3 or 4 or 6);
}

public enum Audience
{
    Personal = 1,
    Legal = 2,
}

public sealed record Theme(string Code, string Name, Audience Audience);
