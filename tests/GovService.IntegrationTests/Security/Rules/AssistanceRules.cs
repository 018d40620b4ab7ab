using GovService.IntegrationTests.Infrastructure;
using static GovService.IntegrationTests.Security.Expectations;

namespace GovService.IntegrationTests.Security.Rules;

/// <summary>
/// Assistance: the citizen's requests and mandates (each their own: B gets 404 on A's), the agent desk (agents only; the
/// 桃源村 agent sees the village's pool and A's mandates to them), telephone requests at the windows, 代办回访 for supervisors.
/// </summary>
internal static class AssistanceRules
{
    private static Dictionary<Who, Expect> CitizenA(Expect citizenB = Expect.NotFound) => Of(Expect.Forbidden, (Who.CitizenA, Expect.Allowed), (Who.CitizenB, citizenB));

    private static Dictionary<Who, Expect> AgentOnly() => Of(Expect.Forbidden, (Who.Agent, Expect.Allowed));

    private static Dictionary<Who, Expect> Windows() =>
        Of(Expect.Forbidden, (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed), (Who.OtherHallClerk, Expect.Allowed), (Who.OtherChief, Expect.Allowed));

    /// <summary>The staff who move parcels: the one the parcel is addressed to allowed (none: nobody), the others find nothing.</summary>
    private static Dictionary<Who, Expect> Custody(Who? addressee)
    {
        var expected = Of(Expect.Forbidden, (Who.Agent, Expect.NotFound), (Who.Clerk, Expect.NotFound), (Who.OtherHallClerk, Expect.NotFound), (Who.Chief, Expect.NotFound), (Who.OtherChief, Expect.NotFound),
            (Who.Reviewer, Expect.NotFound), (Who.OtherReviewer, Expect.NotFound));
        if (addressee is { } who)
        {
            expected[who] = Expect.Allowed;
        }

        return expected;
    }

    public static IReadOnlyList<Rule> All =>
    [
        new("GET /my/assistance", _ => Call.Get("/my/assistance"), CitizenA(citizenB: Expect.OwnOnly), Shows: w => w.RequestNumber),
        new("GET /my/assistance/new", _ => Call.Get("/my/assistance/new?q=食品"), CitizenA(citizenB: Expect.OwnOnly), Shows: _ => "申请代办帮办"),
        new("POST /my/assistance/new", w => Call.Post("/my/assistance/new",
                Fields(("Kind", "HomeVisit"), ("Item", AccessWorld.Pension), ("Village", w.VillageId.ToString()), ("Address", "桃源村坪上组7号"), ("Mobile", "13900139000"))),
            CitizenA(citizenB: Expect.Self)),
        new("GET /my/assistance/{id:guid}", w => Call.Get($"/my/assistance/{w.RequestId}"), CitizenA(), Shows: w => w.RequestNumber),
        new("POST /my/assistance/{id:guid}/cancel", w => Call.Post($"/my/assistance/{w.SecondRequestId}/cancel"), CitizenA()),

        new("GET /my/mandates", _ => Call.Get("/my/mandates"), CitizenA(citizenB: Expect.OwnOnly), Shows: _ => "赵大伟"),
        new("GET /my/mandates/new", _ => Call.Get("/my/mandates/new"), CitizenA(citizenB: Expect.OwnOnly), Shows: _ => "委托代办员"),
        new("POST /my/mandates/new", w => Call.Post("/my/mandates/new",
                Fields(("Agent", w.AgentUserId.ToString()), ("Scope", "Item"), ("ScopeCode", AccessWorld.Pension), ("StartsOn", w.Today), ("ExpiresOn", w.Today))),
            CitizenA(citizenB: Expect.Self)),
        new("GET /my/mandates/{id:guid}", w => Call.Get($"/my/mandates/{w.MandateId}"), CitizenA(), Shows: _ => "赵大伟"),
        new("GET /my/mandates/{id:guid}/scan", w => Call.Get($"/my/mandates/{w.SignedMandateId}/scan"), CitizenA()),
        new("POST /my/mandates/{id:guid}/extend", w => Call.Post($"/my/mandates/{w.MandateId}/extend", Fields(("to", "2099-01-01"))), CitizenA()),
        new("POST /my/mandates/{id:guid}/revoke", w => Call.Post($"/my/mandates/{w.RevocableMandateId}/revoke"), CitizenA()),

        new("GET /agent", _ => Call.Get("/agent"), AgentOnly(), Shows: w => w.RequestNumber),
        new("GET /agent/requests/new", _ => Call.Get("/agent/requests/new?q=养老"), AgentOnly(), Shows: _ => "群众姓名"),
        new("POST /agent/requests/new", w => Call.Post("/agent/requests/new",
                Fields(("Kind", "Errand"), ("Item", AccessWorld.Pension), ("Village", w.VillageId.ToString()), ("ApplicantName", "李秀英"), ("ApplicantIdNumber", "361131199003150041"), ("Mobile", "13900139000"))),
            AgentOnly()),
        new("GET /agent/requests/{id:guid}", w => Call.Get($"/agent/requests/{w.RequestId}"), AgentOnly(), Shows: w => w.RequestNumber),
        new("POST /agent/requests/{id:guid}/accept", w => Call.Post($"/agent/requests/{w.RequestId}/accept"), AgentOnly()),
        new("POST /agent/requests/{id:guid}/contact", w => Call.Post($"/agent/requests/{w.RequestId}/contact", Fields(("way", "Phone"), ("note", "已电话联系，约定明天上午到站"))), AgentOnly()),
        new("POST /agent/requests/{id:guid}/close", w => Call.Post($"/agent/requests/{w.RequestId}/close", Fields(("outcome", "不是帮办"))), AgentOnly()),
        new("POST /agent/requests/{id:guid}/cancel", w => Call.Post($"/agent/requests/{w.RequestId}/cancel"), AgentOnly()),
        new("GET /agent/mandates/new", w => Call.Get($"/agent/mandates/new?request={w.RequestId}"), AgentOnly(), Shows: _ => "登记授权委托书"),
        new("POST /agent/mandates/new", w => Call.Post("/agent/mandates/new",
                Fields(("CitizenName", "李秀英"), ("CitizenIdNumber", "361131199003150041"), ("CitizenMobile", "13900139000"), ("Scope", "Item"), ("ScopeCode", AccessWorld.Pension), ("StartsOn", w.Today), ("ExpiresOn", w.Today)),
                [TestFile.Pdf("SignedScan", "授权委托书.pdf")]),
            AgentOnly()),
        new("GET /agent/mandates/{id:guid}", w => Call.Get($"/agent/mandates/{w.SignedMandateId}"), AgentOnly(), Shows: _ => "授权委托书"),
        new("GET /agent/mandates/{id:guid}/scan", w => Call.Get($"/agent/mandates/{w.SignedMandateId}/scan"), AgentOnly()),

        new("GET /window/assistance/new", _ => Call.Get("/window/assistance/new"), Windows(), Shows: _ => "群众姓名"),
        new("POST /window/assistance/new", w => Call.Post("/window/assistance/new",
                Fields(("Kind", "Errand"), ("Item", AccessWorld.Pension), ("Village", w.VillageId.ToString()), ("ApplicantName", "李秀英"), ("ApplicantIdNumber", "361131199003150041"), ("Mobile", "13900139000"))),
            Windows()),

        // 收受分离: the township window sends the originals it took in; 市场监管局 signs for them and archives them.
        new("GET /custody", _ => Call.Get("/custody"),
            Of(Expect.Forbidden, (Who.Agent, Expect.Allowed), (Who.Clerk, Expect.Allowed), (Who.OtherHallClerk, Expect.Allowed), (Who.Chief, Expect.Allowed), (Who.OtherChief, Expect.Allowed),
                (Who.Reviewer, Expect.Allowed), (Who.OtherReviewer, Expect.Allowed)), Shows: _ => "原件流转与就近领取"),
        new("POST /custody/{id:guid}/send", w => Call.Post($"/custody/{w.ParcelId}/send", Fields(("carrier", "InternalMail"), ("tracking", "TY-0001"))),
            Of(Expect.Forbidden, (Who.Agent, Expect.NotFound), (Who.Clerk, Expect.NotFound), (Who.OtherHallClerk, Expect.Allowed), (Who.Chief, Expect.NotFound), (Who.OtherChief, Expect.Allowed),
                (Who.Reviewer, Expect.NotFound), (Who.OtherReviewer, Expect.NotFound))),
        new("POST /custody/{id:guid}/receive", w => Call.Post($"/custody/{w.ParcelId}/receive"), Custody(Who.Reviewer)),
        new("POST /custody/{id:guid}/archive", w => Call.Post($"/custody/{w.ParcelId}/archive"), Custody(Who.Reviewer)),

        // 就近领取: A's result, signed for at the 桃源村 station, is handed to A in person by the station's agent only.
        new("POST /custody/{id:guid}/hand-over", w => Call.Post($"/custody/{w.ResultParcelId}/hand-over", Fields(("recipient", "张伟"), ("recipientId", Demo.CitizenId))), Custody(Who.Agent)),

        new("GET /supervision/assistance", _ => Call.Get("/supervision/assistance"),
            Of(Expect.Forbidden, (Who.Supervisor, Expect.Allowed), (Who.OtherSupervisor, Expect.Allowed)), Shows: _ => "代办回访"),
        new("POST /supervision/assistance/{id:guid}/follow-up", w => Call.Post($"/supervision/assistance/{w.RequestId}/follow-up", Fields(("result", "Satisfied"))),
            Of(Expect.Forbidden, (Who.Supervisor, Expect.Allowed), (Who.OtherSupervisor, Expect.Allowed))),
    ];
}
