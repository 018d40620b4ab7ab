using System.Net;
using GovService.IntegrationTests.Infrastructure;

namespace GovService.IntegrationTests.Security.Rules;

/// <summary>
/// Intake: online applications, 我的办件, the windows (intake, pre-review, 即办件, delivery, notices), material
/// files and the public status lookup.
/// </summary>
internal static class IntakeRules
{
    /// <summary>
    /// Citizen routes (open to citizens and to 代办员 applying on a citizen's behalf): only citizen A's own object;
    /// citizen B and the agent are answered as if it did not exist.
    /// </summary>
    private static Dictionary<Who, Expect> CitizenA(Expect others = Expect.NotFound) => Expectations.Of(Expect.Forbidden, (Who.CitizenA, Expect.Allowed), (Who.CitizenB, others), (Who.Agent, others));

    /// <summary>Window routes: clerks and the chief representative of the county hall; the township clerk sees only their hall's cases.</summary>
    private static Dictionary<Who, Expect> CountyHall(Expect otherHall = Expect.NotFound) => Expectations.Of(Expect.Forbidden, (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed), (Who.OtherHallClerk, otherHall), (Who.OtherChief, otherHall));

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) => Expectations.Fields(fields);

    /// <summary>An agent names the applicant (here the walk-in 王小明); citizens' forms have no such fields and ignore them.</summary>
    private static List<KeyValuePair<string, string>> OnBehalf(List<KeyValuePair<string, string>> form)
    {
        form.Add(new("ApplicantName", "王小明"));
        form.Add(new("ApplicantIdNumber", IntakeHttp.WalkInId));
        return form;
    }

    /// <summary>A complete, acceptable pre-review or continuation form for citizen A: let through, it would accept the case.</summary>
    private static List<KeyValuePair<string, string>> AcceptAll() => IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 2, 3, 4, 5, 6);

    /// <summary>A form the entitled staff may post without using the case up: a required material is missing, so the page comes back with the reason.</summary>
    private static List<KeyValuePair<string, string>> MissingMaterial() => IntakeHttp.WindowForm(IntakeHttp.CitizenAName, Demo.CitizenId, Demo.CitizenMobile, 6, 1, 3, 4, 5, 6);

    public static IReadOnlyList<Rule> All =>
    [
        // 网上申请
        new("GET /apply/{code}", w => Call.Get($"/apply/{IntakeHttp.FoodLicence}?key={w.DraftKey}&copyFrom={w.Submitted.Number}"),
            CitizenA(others: Expect.OwnOnly), Shows: w => w.DraftKey.ToString()),
        new("POST /apply/{code}", w => Call.Post($"/apply/{IntakeHttp.FoodLicence}", OnBehalf(IntakeHttp.ApplicationForm(w.DraftKey, "submit", "13700137000", "乙方想提交的经营项目")), IntakeHttp.RequiredScans().ToList()),
            CitizenA(others: Expect.OwnOnly), OthersSee: "表单已失效"),
        new("GET /apply/bundle/{code}", w => Call.Get($"/apply/bundle/{IntakeWorld.Bundle}?key={w.BundleKey}"),
            CitizenA(others: Expect.OwnOnly), Shows: _ => IntakeWorld.SecretAnswer),
        new("POST /apply/bundle/{code}", w => Call.Post($"/apply/bundle/{IntakeWorld.Bundle}", OnBehalf(IntakeHttp.ApplicationForm(w.BundleKey, "save", "13700137000", "乙方想保存的经营项目"))),
            CitizenA(others: Expect.OwnOnly), OthersSee: "表单已失效"),

        // 材料文件: its applicant and the staff of the hall handling the case; anyone else 404 as for a file that does not exist.
        new("GET /cases/files/{id:guid}", w => Call.Get($"/cases/files/{w.SubmittedFileId}"),
            Expectations.Of(Expect.NotFound, (Who.CitizenA, Expect.Allowed), (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed))),

        // 即办件 decided by the chief representative
        new("GET /window/immediate", _ => Call.Get("/window/immediate"),
            Expectations.Of(Expect.Forbidden, (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.OwnOnly)), Shows: w => w.Immediate.Number),
        new("POST /window/immediate/{id:guid}/decide", w => Call.Post($"/window/immediate/{w.Immediate.Id}/decide", Fields(("decision", "approve"), ("opinion", "材料齐全"))),
            Expectations.Of(Expect.Forbidden, (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.NotFound))),

        // 统一出件 at the accepting hall (the 即办件 approved just above waits there).
        new("GET /window/delivery", _ => Call.Get("/window/delivery"),
            CountyHall(otherHall: Expect.OwnOnly), Shows: _ => "统一出件"),
        new("POST /window/delivery/{id:guid}", w => Call.Post($"/window/delivery/{w.Immediate.Id}", Fields(("method", "Pickup"), ("recipient", IntakeHttp.CitizenAName), ("recipientId", Demo.CitizenId))),
            CountyHall(), AllowedRequest: w => Call.Post($"/window/delivery/{w.Immediate.Id}", Fields(("method", "Pickup"), ("recipient", "某人"), ("recipientId", "361131200001010017"))), Shows: _ => "有效的公民身份号码", AllowedAnswer: HttpStatusCode.BadRequest),

        // 我的办件
        new("GET /my/cases", _ => Call.Get("/my/cases"),
            CitizenA(others: Expect.OwnOnly), Shows: w => w.Submitted.Number),
        new("GET /my/cases/{number}", w => Call.Get($"/my/cases/{w.Submitted.Number}"),
            CitizenA(), Shows: w => w.SubmittedFileId.ToString()),
        new("GET /my/cases/{number}/notices/{kind}", w => Call.Get($"/my/cases/{w.WindowAccepted.Number}/notices/acceptance"),
            CitizenA(), Shows: w => w.WindowAccepted.Number),
        new("GET /my/cases/{number}/notices/decision", w => Call.Get($"/my/cases/{w.Finished.Number}/notices/decision"),
            CitizenA(), Shows: w => w.Finished.Number),
        new("GET /my/cases/{number}/notices/decision/pdf", w => Call.Get($"/my/cases/{w.Finished.Number}/notices/decision/pdf"),
            CitizenA()),

        // 网上预审
        new("GET /window/prereview", _ => Call.Get("/window/prereview"),
            CountyHall(otherHall: Expect.OwnOnly), Shows: w => w.Submitted.Number),
        new("GET /window/prereview/{id:guid}", w => Call.Get($"/window/prereview/{w.Submitted.Id}"),
            CountyHall(), Shows: w => w.Submitted.Number),
        new("POST /window/prereview/{id:guid}", w => Call.Post($"/window/prereview/{w.Submitted.Id}", AcceptAll()),
            CountyHall(), AllowedRequest: w => Call.Post($"/window/prereview/{w.Submitted.Id}", MissingMaterial()), Shows: _ => "必要材料不齐全"),

        // 办件查询: public by number and query code
        new("GET /status", w => Call.Get($"/status?number={w.Submitted.Number}&code={w.Submitted.QueryCode}"),
            Expectations.Everyone(Expect.Public), Shows: _ => "data-testid=\"status-result\""),
        new("GET /api/v1/cases/{number}/status", w => Call.Get($"/api/v1/cases/{w.Submitted.Number}/status?queryCode={w.Submitted.QueryCode}"),
            Expectations.Everyone(Expect.Public)),

        // 综合窗口: any clerk of any hall takes in any item (无差别受理) and continues any returning application.
        new("GET /window", _ => Call.Get("/window"),
            CountyHall(otherHall: Expect.Allowed)),
        new("GET /window/intake/{code}", _ => Call.Get($"/window/intake/{IntakeHttp.FoodLicence}"),
            CountyHall(otherHall: Expect.Allowed)),
        new("POST /window/intake/{code}", _ => Call.Post($"/window/intake/{IntakeHttp.FoodLicence}", IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6, 1, 2, 3, 4, 5, 6)),
            CountyHall(otherHall: Expect.Allowed), AllowedRequest: _ => Call.Post($"/window/intake/{IntakeHttp.FoodLicence}", IntakeHttp.WindowForm("王小明", IntakeHttp.WalkInId, "13700137000", 6, 1, 3, 4, 5, 6)), Shows: _ => "必要材料不齐全"),
        new("GET /window/continue", w => Call.Get($"/window/continue?number={w.Supplement.Number}"),
            CountyHall(otherHall: Expect.Allowed), Shows: w => w.Supplement.Number),
        new("POST /window/continue/{id:guid}", w => Call.Post($"/window/continue/{w.Supplement.Id}", AcceptAll()),
            CountyHall(otherHall: Expect.Allowed), AllowedRequest: w => Call.Post($"/window/continue/{w.Supplement.Id}", MissingMaterial()), Shows: _ => "必要材料不齐全"),
        new("POST /window/deficiency/{number}", w => Call.Post($"/window/deficiency/{w.Deficient.Number}", Fields(("supplied", "6"))),
            CountyHall(otherHall: Expect.Allowed), AllowedRequest: w => Call.Post($"/window/deficiency/{w.Deficient.Number}"), Shows: _ => "全部补齐后才能转为正常受理", AllowedAnswer: HttpStatusCode.BadRequest),
        new("GET /window/cases/{id:guid}/acceptance-notice", w => Call.Get($"/window/cases/{w.WindowAccepted.Id}/acceptance-notice"),
            CountyHall(), Shows: w => w.WindowAccepted.Number),
        new("GET /window/cases/{id:guid}/supplement-notice", w => Call.Get($"/window/cases/{w.Supplement.Id}/supplement-notice"),
            CountyHall(), Shows: w => w.Supplement.Number),
        new("GET /window/cases/{id:guid}/refusal-notice", w => Call.Get($"/window/cases/{w.WindowRefused.Id}/refusal-notice"),
            CountyHall(), Shows: w => w.WindowRefused.Number),
        new("GET /window/cases/{id:guid}/decision", w => Call.Get($"/window/cases/{w.Finished.Id}/decision"),
            CountyHall(), Shows: w => w.Finished.Number),
        new("GET /window/cases/{id:guid}/decision/pdf", w => Call.Get($"/window/cases/{w.Finished.Id}/decision/pdf"),
            CountyHall()),

        // Last, because the owner's request uses the object up: the supplement resubmits the application, the withdrawal closes the case.
        new("POST /my/cases/{number}/supplement", w => Call.Post($"/my/cases/{w.Supplement.Number}/supplement", files: [TestFile.Png("material-2", "营业执照.png")]),
            CitizenA()),
        new("POST /my/cases/{number}/withdraw", w => Call.Post($"/my/cases/{w.WindowAccepted.Number}/withdraw"),
            CitizenA()),
    ];
}
