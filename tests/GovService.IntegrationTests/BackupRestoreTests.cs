using GovService.IntegrationTests.Infrastructure;
using GovService.Testing;
using GovService.Web.Infrastructure.Auditing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovService.IntegrationTests;

/// <summary>
/// The backup commands of docs/operations.md (pg_dump -Fc, pg_restore into a fresh database) keep every case,
/// every uploaded file byte for byte, every licence with its signature, the job store and an intact audit chain.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class BackupRestoreTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>What must survive, each as one comparable fingerprint.</summary>
    private static readonly (string What, string Sql)[] Fingerprints =
    [
        ("cases", "SELECT count(*) || ' ' || md5(coalesce(string_agg(number || ':' || state || ':' || query_code, ',' ORDER BY number), '')) FROM gov.int_cases"),
        ("files", "SELECT count(*) || ' ' || md5(coalesce(string_agg(id || ':' || sha256 || ':' || encode(sha256(content), 'hex'), ',' ORDER BY id), '')) FROM gov.int_case_files"),
        ("licences", "SELECT count(*) || ' ' || md5(coalesce(string_agg(identifier || ':' || signature || ':' || state, ',' ORDER BY identifier), '')) FROM gov.crt_licences"),
        ("review steps", "SELECT count(*) || ' ' || md5(coalesce(string_agg(id || ':' || state, ',' ORDER BY id), '')) FROM gov.apr_tasks"),
        ("audit trail", "SELECT count(*) || ' ' || coalesce(max(chain_seq), 0) FROM gov.ops_audit_entries"),
        ("recurring jobs", "SELECT count(*)::text FROM hangfire.set WHERE key = 'recurring-jobs'"),
    ];

    [Fact]
    public async Task A_dump_restored_into_a_fresh_database_has_every_case_file_and_licence()
    {
        using var citizen = portal.NewBrowser();
        await citizen.LoginAsync(Demo.CitizenId);
        var online = await IntakeHttp.SubmitOnlineAsync(portal, citizen, Demo.CitizenMobile, "热食类食品制售");
        var (_, licence) = await LicenceHttp.ApprovedWalkInAsync(portal);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditChain>().SealAsync();
        }

        var before = await FingerprintsAsync(portal.ConnectionString);
        Assert.DoesNotContain(before, f => f.Value.StartsWith("0 ", StringComparison.Ordinal) && f.Key is "cases" or "files" or "licences");

        var server = new NpgsqlConnectionStringBuilder(portal.ConnectionString);
        var environment = new Dictionary<string, string> { ["PGPASSWORD"] = server.Password ?? "" };
        string[] connection = ["-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username!];
        var dump = Path.Combine(Path.GetTempPath(), $"govservice-{Guid.NewGuid():N}.dump");
        await using var restored = await TestDatabase.CreateAsync("restore");
        try
        {
            var (dumpExit, dumpOutput) = await PortalCommand.RunAsync(PortalCommand.PostgresProgram("pg_dump"), [.. connection, "-Fc", "-f", dump, server.Database!], Path.GetTempPath(), environment);
            Assert.True(dumpExit == 0, dumpOutput);
            var (restoreExit, restoreOutput) = await PortalCommand.RunAsync(PortalCommand.PostgresProgram("pg_restore"), [.. connection, "-d", restored.Name, "--no-owner", dump], Path.GetTempPath(), environment);
            Assert.True(restoreExit == 0, restoreOutput);
        }
        finally
        {
            File.Delete(dump);
        }

        Assert.Equal(before, await FingerprintsAsync(restored.ConnectionString));
        await using (var connectionToRestored = new NpgsqlConnection(restored.ConnectionString))
        {
            await connectionToRestored.OpenAsync();
            await using var find = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM gov.int_cases WHERE number = @online) + (SELECT count(*) FROM gov.crt_licences WHERE identifier = @licence AND signature = @signature)",
                connectionToRestored);
            find.Parameters.AddWithValue("online", online.Number);
            find.Parameters.AddWithValue("licence", licence.Identifier);
            find.Parameters.AddWithValue("signature", licence.Signature);
            Assert.Equal(2L, await find.ExecuteScalarAsync());
        }

        // The operator checks the restored trail as the runbook says; it verifies whole.
        var (verifyExit, verifyOutput) = await PortalCommand.PortalAsync(restored.ConnectionString, "audit", "verify");
        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Contains("audit chain intact", verifyOutput, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> FingerprintsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var result = new Dictionary<string, string>();
        foreach (var (what, sql) in Fingerprints)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            result[what] = (string)(await command.ExecuteScalarAsync())!;
        }

        return result;
    }
}
