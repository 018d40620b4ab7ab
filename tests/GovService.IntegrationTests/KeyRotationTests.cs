using System.Security.Cryptography;
using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Modules.Certificates.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovService.IntegrationTests;

/// <summary>
/// Rotating the e-licence signing key as docs/operations.md says: the operator configures the new key and runs
/// <c>licences re-sign --previous-public-key</c>. Genuine licences come out signed with the new key; one whose
/// record was changed in the database is refused, not laundered into a genuine-looking licence.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class KeyRotationTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Re_signing_with_a_new_key_keeps_genuine_licences_genuine_and_refuses_a_tampered_one()
    {
        var (_, genuine) = await LicenceHttp.ApprovedWalkInAsync(portal);
        var (_, tampered) = await LicenceHttp.ApprovedWalkInAsync(portal);
        await using (var connection = new NpgsqlConnection(portal.ConnectionString))
        {
            await connection.OpenAsync();
            await using var edit = new NpgsqlCommand("UPDATE gov.crt_licences SET holder_name = '李四' WHERE id = @id", connection);
            edit.Parameters.AddWithValue("id", tampered.Id);
            await edit.ExecuteNonQueryAsync();
        }

        using var newKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var previousKeyFile = Path.Combine(Path.GetTempPath(), $"govservice-previous-{Guid.NewGuid():N}.pem");
        using (var previous = ECDsa.Create())
        {
            previous.ImportFromPem(TestSigningKey.Pem);
            await File.WriteAllTextAsync(previousKeyFile, previous.ExportSubjectPublicKeyInfoPem());
        }

        try
        {
            var (exitCode, output) = await PortalCommand.PortalAsync(
                portal.ConnectionString,
                new Dictionary<string, string> { ["Certificates__Signing__KeyPem"] = newKey.ExportPkcs8PrivateKeyPem() },
                "licences", "re-sign", "--previous-public-key", previousKeyFile);

            Assert.True(exitCode == 1, output);
            Assert.Contains("licences re-signed: 1;", output, StringComparison.Ordinal);
            Assert.Contains("refused: " + tampered.Identifier, output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(previousKeyFile);
        }

        var newPublic = newKey.ExportSubjectPublicKeyInfoPem();
        var newKeyId = Convert.ToHexStringLower(SHA256.HashData(newKey.ExportSubjectPublicKeyInfo()))[..16];
        var after = await portal.WithDbAsync(db => db.Set<Licence>().AsNoTracking().Where(l => l.Id == genuine.Id || l.Id == tampered.Id).ToListAsync());
        var resigned = after.Single(l => l.Id == genuine.Id);
        var refused = after.Single(l => l.Id == tampered.Id);

        Assert.True(LicenceSigner.Verify(newPublic, resigned));
        Assert.Equal(newKeyId, resigned.KeyId);
        Assert.NotEqual(genuine.Signature, resigned.Signature);
        Assert.Equal(tampered.Signature, refused.Signature);
        Assert.False(LicenceSigner.Verify(newPublic, refused));
    }

    [Fact]
    public async Task The_command_explains_its_usage_when_the_previous_key_is_missing()
    {
        var (exitCode, output) = await PortalCommand.PortalAsync(portal.ConnectionString, "licences", "re-sign");

        Assert.Equal(64, exitCode);
        Assert.Contains("--previous-public-key", output, StringComparison.Ordinal);
    }
}
