using System.Globalization;
using System.Reflection;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Intake.Domain;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Shared.Localization;

namespace GovService.UnitTests.Intake;

/// <summary>
/// What an applicant is told of each step: a text message of one SMS (70 characters with the signature) that carries
/// the case number, in their language whatever the language of the request, for the longest values a case really has.
/// </summary>
public sealed class ApplicantNoticeWordsTests
{
    private const string Number = "3611312026112312345";

    /// <summary>The longest realistic values: a 19-digit case number, the longest hall name and carrier of the county, an SF tracking number, a four-character name.</summary>
    private const string LongestHall = "云溪县桃源乡便民服务中心";

    private static readonly ApplicantNoticeWords Words = new(Calendar.Notices.Localizer());

    private static Case LongestCase(DeliveryMethod? delivery = null) => new()
    {
        Number = Number,
        QueryCode = "ABC234",
        ItemName = "户外广告设施设置许可（新设）",
        PromisedDueDate = new DateOnly(2026, 12, 14),
        DeficiencyDueDate = new DateOnly(2026, 11, 27),
        DecisionNumber = "ZY202611231000000",
        DecisionOpinion = "经现场核查，经营场所与住宅楼共用出入口（《食品经营许可和备案管理办法》第十二条）",
        DeliveryMethod = delivery,
        CourierCompany = "中国邮政速递物流",
        TrackingNumber = "SF1234567890123",
        DeliveryRecipient = "欧阳小明",
    };

    private static CaseStep Step(Case c, string action) => CaseStep.ByApplicantOrSystem(c, action, "系统", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)),
        action == StepActions.LicenceIssued ? "户外广告设施设置许可决定书 HG202600000011234567" : "营业执照：复印件不清晰；健康证明：已过有效期");

    /// <summary>Every step the applicant is told of, each way a result is delivered.</summary>
    public static TheoryData<string, DeliveryMethod?, string> Told()
    {
        var data = new TheoryData<string, DeliveryMethod?, string>();
        foreach (var culture in Cultures.Supported)
        {
            foreach (var action in Actions().Where(ApplicantNotices.Tells))
            {
                if (action == StepActions.Delivered)
                {
                    foreach (var method in Enum.GetValues<DeliveryMethod>())
                    {
                        data.Add(action, method, culture);
                    }
                }
                else
                {
                    data.Add(action, null, culture);
                }
            }
        }

        return data;
    }

    private static string Fallback(string culture)
    {
        using var scope = CultureScope.Of(culture);
        return Calendar.Notices.Localizer()["ApplicantNotice.Sms.Fallback", Number].Value;
    }

    private static IEnumerable<string> Actions() =>
        typeof(StepActions).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [Theory]
    [MemberData(nameof(Told))]
    public void Every_text_message_fits_one_sms_with_the_signature_and_names_the_case(string action, DeliveryMethod? delivery, string culture)
    {
        var c = LongestCase(delivery);
        var told = Words.Render(c, Step(c, action), LongestHall, culture);

        var sms = TextMessages.Compose(told.Sms);
        Assert.True(sms.Length <= TextMessages.MaxLength, $"{action} ({culture}) is {sms.Length} characters: {sms}");
        Assert.Contains(Number, told.Sms, StringComparison.Ordinal);
        Assert.NotEqual(Fallback(culture), told.Sms); // the step's own words fit, not the short message for values too long
        Assert.Contains(Number, told.Title, StringComparison.Ordinal);
        Assert.NotEmpty(told.Body);
    }

    [Fact]
    public void The_words_are_in_the_applicants_language_not_the_requests()
    {
        var c = LongestCase();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.Chinese); // the clerk's request
        try
        {
            var english = Words.Render(c, Step(c, StepActions.Accepted), LongestHall, Cultures.English);
            Assert.Equal($"Case {Number} accepted", english.Title);
            Assert.StartsWith($"Case {Number} accepted: code ABC234, by 2026-12-14", english.Sms, StringComparison.Ordinal);
            Assert.Equal(Cultures.Chinese, CultureInfo.CurrentUICulture.Name); // the request's culture is back

            var chinese = Words.Render(c, Step(c, StepActions.Accepted), LongestHall, Cultures.Chinese);
            Assert.Equal($"您的办件{Number}已受理，查询码ABC234，承诺2026-12-14前办结。", chinese.Sms);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_value_longer_than_any_real_one_falls_back_to_a_short_message_that_still_names_the_case()
    {
        var c = LongestCase(DeliveryMethod.Courier);
        c.CourierCompany = "云溪县城关镇人民大道八十八号同城速递服务有限公司";
        c.TrackingNumber = "YX-2026-11-23-000000000001";

        var told = Words.Render(c, Step(c, StepActions.Delivered), LongestHall, Cultures.Chinese);

        Assert.Equal($"您的办件{Number}有新的办理进展，请登录查看。", told.Sms);
        Assert.Contains(c.TrackingNumber, told.Body, StringComparison.Ordinal); // the inbox keeps every detail
    }

    [Fact]
    public void Steps_inside_the_back_office_or_the_applicants_own_are_not_told()
    {
        Assert.All([StepActions.Uploaded, StepActions.Resubmitted, StepActions.ReviewPassed, StepActions.Returned, StepActions.Transferred, StepActions.WorkClosed],
            action => Assert.False(ApplicantNotices.Tells(action), action));
        Assert.Throws<ArgumentOutOfRangeException>(() => Words.Render(LongestCase(), Step(LongestCase(), StepActions.Uploaded), "", Cultures.Chinese));
    }
}
