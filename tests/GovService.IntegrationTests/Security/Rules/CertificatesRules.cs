using static GovService.IntegrationTests.Security.Expectations;

namespace GovService.IntegrationTests.Security.Rules;

/// <summary>Certificates: the holder's wallet, the licence page and PDF, revocation and the public verification.</summary>
internal static class CertificatesRules
{
    /// <summary>
    /// Citizen A's licence: A, the staff of the county hall that delivered it, the issuing department (市场监管局) and
    /// administrators; to every other signed-in user it does not exist.
    /// </summary>
    private static Dictionary<Who, Expect> LicenceReaders() => Of(Expect.NotFound,
        (Who.CitizenA, Expect.Allowed), (Who.Clerk, Expect.Allowed), (Who.Chief, Expect.Allowed), (Who.Reviewer, Expect.Allowed), (Who.Admin, Expect.Allowed));

    public static IReadOnlyList<Rule> All =>
    [
        new("GET /my/licences", _ => Call.Get("/my/licences"),
            Of(Expect.Forbidden, (Who.CitizenA, Expect.Allowed), (Who.CitizenB, Expect.OwnOnly)), Shows: w => w.Licence.Number),
        new("GET /licences/{id:guid}", w => Call.Get($"/licences/{w.Licence.Id}?reason=核验经营资格"),
            LicenceReaders(), Shows: w => w.Licence.Number),
        new("GET /licences/{id:guid}/pdf", w => Call.Get($"/licences/{w.Licence.Id}/pdf"),
            LicenceReaders()),

        // 吊销: the issuing department's reviewers and administrators; a post without a reason is sent back.
        new("POST /licences/{id:guid}/revoke", w => Call.Post($"/licences/{w.Licence.Id}/revoke", Fields(("reason", "越权吊销"))),
            Of(Expect.NotFound, (Who.Reviewer, Expect.Allowed), (Who.Admin, Expect.Allowed)),
            AllowedRequest: w => Call.Post($"/licences/{w.Licence.Id}/revoke", Fields(("reason", "")))),

        // 证照核验: anyone holding the licence (identifier and 核验码), the holder masked.
        new("GET /verify", _ => Call.Get("/verify"),
            Everyone(Expect.Public)),
        new("GET /verify/{identifier}", w => Call.Get($"/verify/{w.Licence.Identifier}?code={w.Licence.VerificationCode}"),
            Everyone(Expect.Public)),
        new("GET /api/v1/certificates/{identifier}/verify", w => Call.Get($"/api/v1/certificates/{w.Licence.Identifier}/verify?code={w.Licence.VerificationCode}"),
            Everyone(Expect.Public)),
        new("GET /api/v1/certificates/keys", _ => Call.Get("/api/v1/certificates/keys"),
            Everyone(Expect.Public)),
    ];
}
