using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests.Infrastructure;

/// <summary>One case as the access and bad-input tests refer to it.</summary>
public sealed record CaseRef(Guid Id, string Number, string QueryCode);

/// <summary>
/// The intake objects of a realistic morning, made over HTTP the way users make them: citizen A's submitted
/// online application with its uploads, one sent back for a supplement, a saved draft, and at the county hall
/// a walk-in acceptance, a 容缺 acceptance and a refusal for A, an immediate (即办) case waiting for the chief
/// representative, and A's saved draft of a 一件事 bundle.
/// </summary>
public sealed record IntakeWorld(
    CaseRef Submitted,
    Guid SubmittedFileId,
    CaseRef Supplement,
    Guid DraftKey,
    CaseRef WindowAccepted,
    CaseRef WindowRefused,
    CaseRef Deficient,
    CaseRef Immediate,
    Guid BundleKey)
{
    /// <summary>开办餐饮店一件事: sole trader licence, food licence and two more, in one form.</summary>
    public const string Bundle = "YJS-002";

    /// <summary>A value typed only into citizen A's applications, so a page showing it shows A's data.</summary>
    public const string SecretAnswer = "甲方私密经营项目米粉";

    /// <summary>Everything of citizen A's that nobody else may be shown.</summary>
    public IReadOnlyList<string> SecretsOfA =>
    [
        Demo.CitizenId, Demo.CitizenMobile, IntakeHttp.CitizenAName, SecretAnswer,
        Submitted.Number, Submitted.Id.ToString(), Submitted.QueryCode, SubmittedFileId.ToString(),
        Supplement.Number, Supplement.Id.ToString(), DraftKey.ToString(),
        WindowAccepted.Number, WindowAccepted.Id.ToString(), WindowRefused.Number, WindowRefused.Id.ToString(),
        Deficient.Number, Deficient.Id.ToString(), BundleKey.ToString(),
    ];

    public static async Task<IntakeWorld> BuildAsync(PortalFactory portal)
    {
        using var zhang = portal.NewBrowser();
        await zhang.LoginAsync(Demo.CitizenId);
        using var clerk = portal.NewBrowser();
        await clerk.LoginAsync("clerk");

        var submitted = await IntakeHttp.SubmitOnlineAsync(portal, zhang, Demo.CitizenMobile, SecretAnswer);
        var fileId = await portal.WithDbAsync(db => db.Set<CaseFile>().Where(f => f.CaseId == submitted.Id && f.Position == 1).Select(f => f.Id).SingleAsync());

        var supplement = await IntakeHttp.SubmitOnlineAsync(portal, zhang, Demo.CitizenMobile, SecretAnswer);
        await IntakeHttp.RequestSupplementAsync(portal, clerk, supplement.Id, missingPosition: 2);

        var draftKey = await IntakeHttp.SaveDraftAsync(zhang, SecretAnswer);

        var accepted = await IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.FoodLicence, IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6));
        var refusal = IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6);
        refusal.Add(new("outcome", "refuse"));
        refusal.Add(new("RefusalReason", "申请经营场所位于居民住宅楼内"));
        refusal.Add(new("RefusalBasis", "《中华人民共和国行政许可法》第三十二条"));
        var refused = await IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.FoodLicence, refusal);
        var deficiency = IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5);
        deficiency.Add(new("outcome", "deficiency"));
        deficiency.Add(new("DeficiencyDueDate", "2026-11-27"));
        var deficient = await IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.FoodLicence, deficiency);
        var immediate = await IntakeHttp.WindowIntakeAsync(portal, clerk, IntakeHttp.SoleTrader, IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 4, 1, 2, 3, 4));

        var bundleKey = IntakeHttp.KeyOf(await zhang.GetPageAsync($"/apply/bundle/{Bundle}"));
        var saved = await zhang.PostMultipartAsync($"/apply/bundle/{Bundle}", $"/apply/bundle/{Bundle}", IntakeHttp.ApplicationForm(bundleKey, "save", Demo.CitizenMobile, SecretAnswer), []);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        return new IntakeWorld(submitted, fileId, supplement, draftKey, accepted, refused, deficient, immediate, bundleKey);
    }
}

/// <summary>What one case looks like in the database: enough to see that a refused request changed nothing.</summary>
public sealed record CaseFacts(CaseState State, string? Number, uint RowVersion, int Files, int CurrentFiles, int Steps, string Materials);

/// <summary>Requests of the intake module, made as a browser makes them.</summary>
public static partial class IntakeHttp
{
    public const string FoodLicence = "000104004000";
    public const string SoleTrader = "000104001000";
    public const string CitizenAName = "张伟";

    /// <summary>The 经营者名称 of 张伟's noodle shop as a licence's public face shows it (the licence's holder is the operator it licenses).</summary>
    public const string MaskedOperator = "云*******店";
    public const string CitizenB = "361131199003150041";
    public const string CitizenBMobile = "13900139000";
    public const string WalkInId = "361131200001010016";
    public const string UnknownNumber = "3611312026112399999";

    /// <summary>A scan for each material the food licence requires (the health certificate, 容缺-allowed, may wait).</summary>
    public static IEnumerable<TestFile> RequiredScans() => Enumerable.Range(1, 5).Select(p => TestFile.Pdf($"material-{p}", $"材料{p}.pdf"));

    public static Guid KeyOf(string html) => Guid.Parse(KeyPattern().Match(html).Groups[1].Value);

    /// <summary>The antiforgery token of a page the user can see; it is valid for every form this user posts in this browser.</summary>
    public static async Task<string> TokenAsync(Browser browser, string pageUrl)
    {
        var token = TokenPattern().Match(await browser.GetPageAsync(pageUrl));
        Assert.True(token.Success, $"no antiforgery token on {pageUrl}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Posts a form (multipart when there are files) with the given antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(Browser browser, string token, string url, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<TestFile>? files = null)
    {
        var withToken = fields.Append(new("__RequestVerificationToken", token)).ToList();
        var uploads = files?.ToList() ?? [];
        if (uploads.Count == 0)
        {
            using var plain = new FormUrlEncodedContent(withToken);
            return await browser.Client.PostAsync(new Uri(url, UriKind.Relative), plain);
        }

        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in withToken)
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var file in uploads)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            form.Add(part, file.Field, file.Name);
        }

        return await browser.Client.PostAsync(new Uri(url, UriKind.Relative), form);
    }

    /// <summary>A food licence application whose 经营场所 is <paramref name="premises"/> (the answer a test looks for).</summary>
    public static List<KeyValuePair<string, string>> ApplicationForm(Guid key, string action, string mobile, string premises) =>
    [
        new("ApplicationKey", key.ToString()), new("ContactMobile", mobile), new("action", action),
        new("Fields[operator_name]", "云溪县城关镇米粉店"), new("Fields[operator_code]", Demo.CitizenId), new("Fields[operating_address]", premises),
        new("Fields[business_format]", "餐饮服务经营者"), new("Fields[operating_items]", "热食类食品制售"),
        new("Fields[operating_area]", "86.5"), new("Fields[safety_manager]", "店长"), new("Fields[online_sales]", "false"),
    ];

    public static async Task<CaseRef> SubmitOnlineAsync(PortalFactory portal, Browser citizen, string mobile, string premises)
    {
        var key = KeyOf(await citizen.GetPageAsync($"/apply/{FoodLicence}"));
        var response = await citizen.PostMultipartAsync($"/apply/{FoodLicence}", $"/apply/{FoodLicence}", ApplicationForm(key, "submit", mobile, premises), IntakeHttp.RequiredScans());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await RefAsync(portal, key);
    }

    public static async Task<Guid> SaveDraftAsync(Browser citizen, string premises)
    {
        var key = KeyOf(await citizen.GetPageAsync($"/apply/{FoodLicence}"));
        var response = await citizen.PostMultipartAsync($"/apply/{FoodLicence}", $"/apply/{FoodLicence}", ApplicationForm(key, "save", Demo.CitizenMobile, premises), []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return key;
    }

    /// <summary>Pre-review sends the online application back with a one-time notice naming the missing material.</summary>
    public static async Task RequestSupplementAsync(PortalFactory portal, Browser clerk, Guid caseId, int missingPosition)
    {
        var form = new List<KeyValuePair<string, string>> { new("ApplicantName", CitizenAName), new("ApplicantIdNumber", Demo.CitizenId), new("ContactMobile", Demo.CitizenMobile), new("outcome", "supplement") };
        for (var i = 0; i < 6; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(CultureInfo.InvariantCulture)));
            if (i + 1 != missingPosition)
            {
                form.Add(new($"Materials[{i}].Received", "true"));
            }
        }

        var response = await clerk.SubmitAsync($"/window/prereview/{caseId}", $"/window/prereview/{caseId}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CaseState.SupplementRequested, await portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == caseId).Select(c => c.State).SingleAsync()));
    }

    /// <summary>The window intake form with <paramref name="count"/> material rows, the listed ones ticked as received.</summary>
    public static List<KeyValuePair<string, string>> WindowForm(string name, string idNumber, string mobile, int count, params int[] received)
    {
        var form = new List<KeyValuePair<string, string>> { new("ApplicantName", name), new("ApplicantIdNumber", idNumber), new("ContactMobile", mobile) };
        form.AddRange(WalkInAnswers);
        for (var i = 0; i < count; i++)
        {
            form.Add(new($"Materials[{i}].Position", (i + 1).ToString(CultureInfo.InvariantCulture)));
            if (received.Contains(i + 1))
            {
                form.Add(new($"Materials[{i}].Received", "true"));
            }
        }

        return form;
    }

    /// <summary>Window intake; the notice it redirects to names the case.</summary>
    public static async Task<CaseRef> WindowIntakeAsync(PortalFactory portal, Browser clerk, string code, List<KeyValuePair<string, string>> form)
    {
        var response = await clerk.SubmitAsync($"/window/intake/{code}", $"/window/intake/{code}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(NoticePattern().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
        return await RefAsync(portal, id);
    }

    /// <summary>
    /// What a clerk types for a walk-in of the items the tests take in at the window (食品经营许可: 张伟's noodle shop; 个体工商户设立登记;
    /// 户外广告设施设置审批; 最低生活保障申请). A field of another item is ignored, as the window reads only the item's own fields.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> WalkInAnswers { get; } =
    [
        .. ApplicationForm(Guid.Empty, "", "", "云溪县城关镇解放路18号").Where(f => f.Key.StartsWith("Fields[", StringComparison.Ordinal)),
        new("Fields[business_name]", "云溪县城关镇王记小吃店"), new("Fields[organization_form]", "个人经营"), new("Fields[business_scope]", "小吃服务"),
        new("Fields[employee_count]", "2"), new("Fields[capital_amount]", "5"),
        new("Fields[sign_type]", "门头招牌（店招）"), new("Fields[sign_size]", "6米×1.2米"), new("Fields[sign_address]", "云溪县城关镇解放路18号"),
        new("Fields[display_period]", "3"), new("Fields[is_illuminated]", "false"),
        new("Fields[family_size]", "3"), new("Fields[monthly_income_per_capita]", "420"), new("Fields[residence_type]", "农村"),
        new("Fields[has_disabled_member]", "true"), new("Fields[has_vehicle]", "false"), new("Fields[apply_reason]", "家庭成员因病丧失劳动能力"),
    ];

    public static Task<CaseRef> RefAsync(PortalFactory portal, Guid id) =>
        portal.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == id).Select(c => new CaseRef(c.Id, c.Number!, c.QueryCode)).SingleAsync());

    public static async Task<(IReadOnlyList<PublishedField> Fields, IReadOnlyList<PublishedMaterial> Materials)> CatalogOfAsync(PortalFactory portal, string code)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ICatalogDirectory>();
        var item = await catalog.FindPublishedAsync(code) ?? throw new InvalidOperationException($"item {code} is not published");
        return (await catalog.FieldsAsync(item.VersionId), await catalog.MaterialsAsync(item.VersionId));
    }

    public static Task<CaseFacts> FactsAsync(PortalFactory portal, Guid caseId) =>
        portal.WithDbAsync(async db =>
        {
            var c = await db.Set<Case>().AsNoTracking().SingleAsync(x => x.Id == caseId);
            var files = await db.Set<CaseFile>().CountAsync(f => f.CaseId == caseId);
            var current = await db.Set<CaseFile>().CountAsync(f => f.CaseId == caseId && f.ReplacedAt == null);
            var steps = await db.Set<CaseStep>().CountAsync(s => s.CaseId == caseId);
            var materials = await db.Set<CaseMaterial>().AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Position)
                .Select(m => new { m.Position, m.Received, m.Defect, m.SuppliedAt }).ToListAsync();
            return new CaseFacts(c.State, c.Number, c.RowVersion, files, current, steps, string.Join(";", materials.Select(m => $"{m.Position}:{m.Received}:{m.Defect}:{m.SuppliedAt?.ToUnixTimeMilliseconds()}")));
        });

    /// <summary>Every case, file, step and material in the database, so a before/after comparison shows any change at all.</summary>
    public static Task<string> SnapshotAsync(PortalFactory portal) =>
        portal.WithDbAsync(async db =>
        {
            var text = new StringBuilder();
            foreach (var c in await db.Set<Case>().AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.State, c.Number, c.RowVersion, c.HallId, c.Visits }).ToListAsync())
            {
                text.Append(CultureInfo.InvariantCulture, $"case {c.Id} {c.State} {c.Number} v{c.RowVersion} hall {c.HallId} visits {c.Visits}\n");
            }

            foreach (var f in await db.Set<CaseFile>().AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.Id, f.CaseId, f.Position, f.Sha256, f.ReplacedAt }).ToListAsync())
            {
                text.Append(CultureInfo.InvariantCulture, $"file {f.Id} of {f.CaseId} #{f.Position} {f.Sha256} replaced {f.ReplacedAt?.ToUnixTimeMilliseconds()}\n");
            }

            foreach (var s in await db.Set<CaseStep>().AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.CaseId, s.Action }).ToListAsync())
            {
                text.Append(CultureInfo.InvariantCulture, $"step {s.Id} of {s.CaseId} {s.Action}\n");
            }

            foreach (var m in await db.Set<CaseMaterial>().AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.CaseId, m.Received, m.Defect, m.SuppliedAt }).ToListAsync())
            {
                text.Append(CultureInfo.InvariantCulture, $"material {m.Id} of {m.CaseId} {m.Received} {m.Defect} {m.SuppliedAt?.ToUnixTimeMilliseconds()}\n");
            }

            return text.ToString();
        });

    /// <summary>Where a redirect leads, as a path and query, whether the header is absolute or relative.</summary>
    public static string LocationOf(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    [GeneratedRegex("name=\"ApplicationKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("/window/cases/([0-9a-f-]{36})/")]
    private static partial Regex NoticePattern();
}
