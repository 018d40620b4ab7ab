using System.Net;
using GovService.IntegrationTests.Infrastructure;
using static GovService.IntegrationTests.Security.Expectations;

namespace GovService.IntegrationTests.Security.Rules;

/// <summary>The portal's own pages, health, OpenAPI and the jobs dashboard; accounts; the inbox.</summary>
internal static class PlatformRules
{
    public static IReadOnlyList<Rule> All =>
    [
        // Portal: the home page, the language and care-mode switches (they redirect back), the error pages.
        new("GET /", _ => Call.Get("/"),
            Everyone(Expect.Public)),
        new("GET /terms", _ => Call.Get("/terms"),
            Everyone(Expect.Public), Shows: _ => "用户服务协议"),
        new("GET /privacy", _ => Call.Get("/privacy"),
            Everyone(Expect.Public), Shows: _ => "个人信息保护政策"),
        new("GET /language", _ => Call.Get("/language?culture=zh-CN&returnUrl=%2Fservices"),
            Everyone(Expect.Public), AllowedAnswer: HttpStatusCode.Redirect),
        new("GET /care-mode", _ => Call.Get("/care-mode?on=false&returnUrl=%2F"),
            Everyone(Expect.Public), AllowedAnswer: HttpStatusCode.Redirect),
        new("ANY /error/{code:int}", _ => Call.Get("/error/404"),
            Everyone(Expect.Public), AllowedAnswer: HttpStatusCode.NotFound),
        new("ANY /error", _ => Call.Get("/error"),
            Everyone(Expect.Public), AllowedAnswer: HttpStatusCode.InternalServerError),

        // Platform endpoints.
        new("ANY /health/live", _ => Call.Get("/health/live"),
            Everyone(Expect.Public)),
        new("ANY /health/ready", _ => Call.Get("/health/ready"),
            Everyone(Expect.Public)),
        new("GET /openapi/{documentName}.json", _ => Call.Get("/openapi/v1.json"),
            Everyone(Expect.Public)),
        new("ANY /ops/jobs/{**path}", _ => Call.Get("/ops/jobs"),
            AdminOnly(), Shows: _ => "GovService · 后台任务"),

        // 消息中心: everyone their own messages; those of the staff handling A's cases, complaints and ratings are about them,
        // and so are the agent's (A mandated them).
        new("GET /inbox", _ => Call.Get("/inbox"),
            Of(Expect.OwnOnly, (Who.CitizenA, Expect.Allowed), (Who.Agent, Expect.Allowed), (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed), (Who.Reviewer, Expect.Allowed), (Who.Supervisor, Expect.Allowed)))
        {
            ShowsTo = (_, who) => who == Who.CitizenA ? AccessWorld.MessageTitle : null,
        },
        new("POST /inbox/{id:long}/open", w => Call.Post($"/inbox/{w.MessageId}/open"),
            SignedIn(Who.CitizenA, Expect.NotFound)),
        new("POST /inbox/read-all", _ => Call.Post("/inbox/read-all"),
            SignedIn(Who.CitizenA, Expect.Self)),

        // Accounts: logging in and registering are public (a login that fails, a registration with someone
        // else's ID number, change nothing); the account page shows one's own, masked.
        new("GET /account/login", _ => Call.Get("/account/login"),
            Everyone(Expect.Public)),
        new("POST /account/login", _ => Call.Post("/account/login", Fields(("Account", "nobody.matrix"), ("Password", "Wrong2026pass"))),
            Everyone(Expect.Public), OthersSee: "账号或密码错误"),
        new("GET /account/register", _ => Call.Get("/account/register"),
            Everyone(Expect.Public)),
        new("POST /account/register", _ => Call.Post("/account/register", Fields(("RealName", "冒名者"), ("IdNumber", Demo.CitizenId), ("Mobile", "13700137001"), ("Password", "Yunxi2026pass"), ("ConfirmPassword", "Yunxi2026pass"), ("AcceptTerms", "true"))),
            Everyone(Expect.Public)),
        new("GET /account/me", _ => Call.Get("/account/me"),
            SignedIn(Who.CitizenA, Expect.OwnOnly), Shows: _ => "361131********0026"),

        // Last, as it ends the session (each user from a session of its own).
        new("POST /account/logout", _ => Call.Post("/account/logout"),
            Of(Expect.Allowed)) { FreshSession = true },
    ];
}
