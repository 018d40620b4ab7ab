using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Certificates.Rotation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests;

/// <summary>
/// A relying party (a bank, another county's window) checks a licence with what the holder shows it — identifier and
/// 核验码 — and what the platform publishes: the verify API hands out the exact signed bytes, which the published key
/// verifies with nothing of the portal's code. Identifiers alone find nothing, so they cannot be walked.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class LicenceVerificationTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> JsonAsync(Browser browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>What a relying party runs: .NET's ECDSA over the payload bytes with the PEM from the keys API.</summary>
    private static bool VerifiesOffline(string publicKeyPem, byte[] payload, string signature)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        return key.VerifyData(payload, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    [Fact]
    public async Task The_api_response_verifies_offline_with_only_the_published_key_and_shows_what_it_signed()
    {
        var (_, licence) = await LicenceHttp.ApprovedWalkInAsync(portal);
        using var anyone = portal.NewBrowser();

        var verified = await JsonAsync(anyone, $"/api/v1/certificates/{licence.Identifier}/verify?code={licence.VerificationCode}");
        var keys = await JsonAsync(anyone, "/api/v1/certificates/keys");

        var signed = verified.GetProperty("signedContent");
        Assert.Equal("ES256", signed.GetProperty("algorithm").GetString());
        var keyId = signed.GetProperty("keyId").GetString();
        var pem = keys.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == keyId).GetProperty("publicKeyPem").GetString()!;
        var payload = Convert.FromBase64String(signed.GetProperty("payload").GetString()!);
        Assert.Equal(signed.GetProperty("canonical").GetString(), Encoding.UTF8.GetString(payload));
        Assert.True(VerifiesOffline(pem, payload, signed.GetProperty("signature").GetString()!));

        // What is signed is what is shown: the holder masked in the signed bytes themselves, the full ID nowhere.
        var fields = JsonNode.Parse(payload)!.AsObject();
        Assert.Equal(licence.Identifier, fields["identifier"]!.GetValue<string>());
        Assert.Equal(licence.Number, fields["number"]!.GetValue<string>());
        Assert.Equal(IntakeHttp.MaskedOperator, fields["holder"]!.GetValue<string>());
        Assert.Equal(verified.GetProperty("holder").GetString(), fields["holder"]!.GetValue<string>());
        Assert.Equal(verified.GetProperty("holderCode").GetString(), fields["holderCode"]!.GetValue<string>());
        Assert.Equal(Demo.CitizenId[..6] + "********" + Demo.CitizenId[^4..], fields["holderCode"]!.GetValue<string>());
        Assert.DoesNotContain(Demo.CitizenId, Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        Assert.DoesNotContain(licence.VerificationCode, Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        Assert.Equal(fields.Select(f => f.Key).Order(StringComparer.Ordinal), fields.Select(f => f.Key)); // canonical: keys in ordinal order

        // The page shows the same signed text.
        var page = await anyone.GetPageAsync($"/verify/{licence.Identifier}?code={licence.VerificationCode}");
        var shown = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"verify-canonical\">([^<]*)</pre>").Groups[1].Value;
        Assert.Equal(Encoding.UTF8.GetString(payload), WebUtility.HtmlDecode(shown));
    }

    [Fact]
    public async Task A_tampered_payload_or_a_signature_from_another_key_fails_offline()
    {
        var (_, licence) = await LicenceHttp.ApprovedWalkInAsync(portal);
        using var anyone = portal.NewBrowser();
        var signed = (await JsonAsync(anyone, $"/api/v1/certificates/{licence.Identifier}/verify?code={licence.VerificationCode}")).GetProperty("signedContent");
        var pem = (await JsonAsync(anyone, "/api/v1/certificates/keys")).GetProperty("keys")[0].GetProperty("publicKeyPem").GetString()!;
        var canonical = signed.GetProperty("canonical").GetString()!;
        var signature = signed.GetProperty("signature").GetString()!;

        // Someone moves the licence's end date or swaps the holder's name before showing it.
        var later = canonical.Replace($"\"validUntil\":\"{licence.ValidUntil:yyyy-MM-dd}\"", $"\"validUntil\":\"{licence.ValidUntil!.Value.AddYears(10):yyyy-MM-dd}\"", StringComparison.Ordinal);
        Assert.NotEqual(canonical, later);
        Assert.False(VerifiesOffline(pem, Encoding.UTF8.GetBytes(later), signature));
        Assert.False(VerifiesOffline(pem, Encoding.UTF8.GetBytes(canonical.Replace(IntakeHttp.MaskedOperator, "李*", StringComparison.Ordinal)), signature));
        var flipped = Encoding.UTF8.GetBytes(canonical);
        flipped[^2] ^= 0x01;
        Assert.False(VerifiesOffline(pem, flipped, signature));

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.False(VerifiesOffline(other.ExportSubjectPublicKeyInfoPem(), Encoding.UTF8.GetBytes(canonical), signature));
    }

    [Fact]
    public async Task The_identifier_alone_or_with_a_wrong_code_answers_exactly_like_a_licence_that_does_not_exist()
    {
        var (_, licence) = await LicenceHttp.ApprovedWalkInAsync(portal);
        using var anyone = portal.NewBrowser();
        var wrong = licence.VerificationCode[0] == 'A' ? "B" + licence.VerificationCode[1..] : "A" + licence.VerificationCode[1..];
        var unknown = LicenceIdentifier.Create(licence.TypeCode, licence.IssuerCode, "20269999999", 1);

        async Task<(HttpStatusCode Status, string? Type, string Body)> ApiAsync(string url)
        {
            using var response = await anyone.GetAsync(url);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            body.Remove("traceId"); // differs per request, whatever the licence
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body.ToJsonString());
        }

        var nothing = await ApiAsync($"/api/v1/certificates/{unknown}/verify?code={licence.VerificationCode}");
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (nothing.Status, nothing.Type));
        Assert.Equal(nothing, await ApiAsync($"/api/v1/certificates/{licence.Identifier}/verify"));
        Assert.Equal(nothing, await ApiAsync($"/api/v1/certificates/{licence.Identifier}/verify?code="));
        Assert.Equal(nothing, await ApiAsync($"/api/v1/certificates/{licence.Identifier}/verify?code={wrong}"));
        Assert.Equal(nothing, await ApiAsync($"/api/v1/certificates/{licence.Identifier}/verify?code={Uri.EscapeDataString(licence.Signature)}"));

        // The page: 404 and the same words; it differs only by echoing what was typed into its form.
        async Task<(HttpStatusCode, string)> PageAsync(string identifier, string code)
        {
            using var response = await anyone.GetAsync($"/verify/{identifier}?code={code}");
            var html = await response.Content.ReadAsStringAsync();
            var result = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"verify-result\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
            return (response.StatusCode, result);
        }

        var absent = await PageAsync(unknown, licence.VerificationCode);
        Assert.Equal(HttpStatusCode.NotFound, absent.Item1);
        Assert.Contains("不是本平台签发的真实证照", absent.Item2, StringComparison.Ordinal);
        Assert.Equal(absent, await PageAsync(licence.Identifier, ""));
        Assert.Equal(absent, await PageAsync(licence.Identifier, wrong));

        // With its code, the same licence is found (also typed in lower case with a hyphen, as from paper).
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"/api/v1/certificates/{licence.Identifier}/verify?code={licence.VerificationCode[..4].ToLowerInvariant()}-{licence.VerificationCode[4..]}")).StatusCode);
    }

    [Fact]
    public async Task A_licence_signed_over_the_first_form_is_signed_again_over_the_published_form_at_start_up_unless_tampered()
    {
        var (_, genuine) = await LicenceHttp.ApprovedWalkInAsync(portal);
        var (_, tampered) = await LicenceHttp.ApprovedWalkInAsync(portal);

        // Both as a licence issued before form 2 was stored: signed with the portal's key over form 1.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var signer = scope.ServiceProvider.GetRequiredService<LicenceSigner>();
            foreach (var licence in new[] { genuine, tampered })
            {
                licence.SignedForm = 1;
                var first = signer.Sign(licence);
                await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE gov.crt_licences SET signed_form = 1, signature = {first} WHERE id = {licence.Id}"));
            }
        }

        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE gov.crt_licences SET holder_name = '张三' WHERE id = {tampered.Id}"));
        using var anyone = portal.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/v1/certificates/{genuine.Identifier}/verify?code={genuine.VerificationCode}")).StatusCode);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetServices<GovService.Web.Infrastructure.Seed.ISeeder>().OfType<LicenceFormUpgrade>().Single().SeedAsync(new(), CancellationToken.None);
        }

        var forms = await portal.WithDbAsync(db => db.Set<Licence>().Where(l => l.Id == genuine.Id || l.Id == tampered.Id).ToDictionaryAsync(l => l.Id, l => l.SignedForm));
        Assert.Equal(LicenceCanonicalForm.Current, forms[genuine.Id]);
        Assert.Equal(1, forms[tampered.Id]);
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"/api/v1/certificates/{genuine.Identifier}/verify?code={genuine.VerificationCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/v1/certificates/{tampered.Identifier}/verify?code={tampered.VerificationCode}")).StatusCode);
    }
}
