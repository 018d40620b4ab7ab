using GovService.IntegrationTests.Infrastructure;
using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovService.IntegrationTests;

/// <summary>
/// The audit trail is hash-chained: sealing covers every committed entry, a late-committing transaction is
/// appended after the fact rather than slipped in, the table refuses edits, and an edit or deletion made
/// by someone who switched that protection off is named by the verification — also through the operator's
/// command, run as its own process.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class AuditChainTests(PortalFactory portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<T> WithChainAsync<T>(Func<AuditChain, Task<T>> action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AuditChain>());
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Seals until nothing is pending. Other test databases of the same cluster may hold a transaction open for a
    /// moment, and transaction ids are cluster-wide, so one pass may leave the newest entries for the next.
    /// </summary>
    private async Task<long> SealAllAsync()
    {
        long total = 0;
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            total += await WithChainAsync(chain => chain.SealAsync());
        }
        while (await ScalarAsync("SELECT count(*) FROM gov.ops_audit_entries WHERE chain_seq IS NULL") > 0 && DateTime.UtcNow < until && await Pause());

        return total;
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(200);
        return true;
    }

    /// <summary>As an intruder with database rights would: the append-only trigger switched off for the statement.</summary>
    private async Task TamperAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"ALTER TABLE gov.ops_audit_entries DISABLE TRIGGER ops_audit_entries_append_only; {sql}; ALTER TABLE gov.ops_audit_entries ENABLE TRIGGER ops_audit_entries_append_only;",
            connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A real audited change through the portal: a citizen registers.</summary>
    private async Task RegisterAsync(int n)
    {
        var first17 = $"3611312000010100{n}";
        using var browser = portal.NewBrowser();
        var response = await browser.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["RealName"] = "王链", ["IdNumber"] = first17 + ChineseIdNumber.ComputeCheckCharacter(first17), ["Mobile"] = $"1390013900{n}",
            ["Password"] = "Chain2026test", ["ConfirmPassword"] = "Chain2026test", ["AcceptTerms"] = "true",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Sealing_covers_every_entry_and_the_chain_verifies()
    {
        await RegisterAsync(1);
        var entries = await ScalarAsync("SELECT count(*) FROM gov.ops_audit_entries");
        Assert.True(entries > 0);

        var sealedCount = await SealAllAsync();
        var result = await WithChainAsync(chain => chain.VerifyAsync());

        Assert.Equal(entries, sealedCount);
        Assert.True(result.Intact);
        Assert.Equal(entries, result.VerifiedEntries);
        Assert.Equal(0, result.UnsealedEntries);
        Assert.Equal(0, await SealAllAsync());
    }

    [Fact]
    public async Task An_entry_of_a_transaction_still_open_is_appended_after_it_commits_not_slipped_in()
    {
        await SealAllAsync();

        // A long transaction writes an entry and stays open while the portal goes on working.
        await using var slow = new NpgsqlConnection(portal.ConnectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO gov.ops_audit_entries (at, user_name, action, entity_type, entity_id, after) VALUES (now(), 'slow', 'Added', 'Probe', '1', '{\"a\": 1}')",
            slow, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        // Meanwhile the portal records a department's new telephone number (an audited change).
        await portal.WithDbAsync(async db =>
        {
            var department = await db.Set<Department>().OrderBy(d => d.Name).FirstAsync();
            department.Phone = "0791-12345678";
            return await db.SaveChangesAsync();
        });

        // Neither the open entry nor the newer committed ones are sealed yet: sealing them now would fix an order the slow one breaks.
        Assert.Equal(0, await WithChainAsync(chain => chain.SealAsync()));

        await transaction.CommitAsync();
        Assert.Equal(2, await SealAllAsync());

        var result = await WithChainAsync(chain => chain.VerifyAsync());
        Assert.True(result.Intact);
        Assert.Equal(0, result.UnsealedEntries);
    }

    [Fact]
    public async Task The_trail_refuses_edits_and_deletions()
    {
        await WithChainAsync(chain => chain.SealAsync());
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();

        foreach (var sql in new[]
                 {
                     "UPDATE gov.ops_audit_entries SET user_name = 'someone else' WHERE id = (SELECT min(id) FROM gov.ops_audit_entries)",
                     "DELETE FROM gov.ops_audit_entries WHERE id = (SELECT max(id) FROM gov.ops_audit_entries)",
                     "UPDATE gov.ops_audit_entries SET hash = NULL, chain_seq = NULL WHERE id = (SELECT min(id) FROM gov.ops_audit_entries)",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verification_names_the_first_altered_entry_then_the_first_after_a_deletion()
    {
        await RegisterAsync(3);
        await SealAllAsync();
        var total = await ScalarAsync("SELECT count(*) FROM gov.ops_audit_entries");
        Assert.True(total > 10);
        var middle = total / 2;
        var middleId = await ScalarAsync($"SELECT id FROM gov.ops_audit_entries WHERE chain_seq = {middle}");
        var laterId = await ScalarAsync($"SELECT id FROM gov.ops_audit_entries WHERE chain_seq = {middle + 3}");

        // A value changed inside the recorded "after" state, and a later one too: the first is reported.
        await TamperAsync($"UPDATE gov.ops_audit_entries SET after = jsonb_set(coalesce(after, '{{}}'), '{{Tampered}}', 'true') WHERE id IN ({middleId}, {laterId})");
        var altered = await WithChainAsync(chain => chain.VerifyAsync());
        Assert.False(altered.Intact);
        Assert.Equal(new AuditChainBreak(middle, middleId, AuditBreak.Altered), altered.FirstBreak);
        Assert.Equal(middle - 1, altered.VerifiedEntries);

        // The operator's command, as its own process, says the same and exits 1.
        var (exitCode, output) = await RunCommandAsync("verify");
        Assert.Equal(1, exitCode);
        Assert.Contains($"chain position {middle}, audit entry id {middleId}", output, StringComparison.Ordinal);

        // Covering the tracks by deleting the two altered entries: the entry after the first gap is reported.
        await TamperAsync($"DELETE FROM gov.ops_audit_entries WHERE id IN ({middleId}, {laterId})");
        var afterId = await ScalarAsync($"SELECT id FROM gov.ops_audit_entries WHERE chain_seq = {middle + 1}");
        var missing = await WithChainAsync(chain => chain.VerifyAsync());
        Assert.Equal(new AuditChainBreak(middle + 1, afterId, AuditBreak.Missing), missing.FirstBreak);
    }

    [Fact]
    public async Task The_operator_command_seals_and_reports_an_intact_chain()
    {
        await RegisterAsync(4);
        var (exitCode, output) = await RunCommandAsync("seal");

        Assert.Equal(0, exitCode);
        Assert.Contains("audit chain intact", output, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM gov.ops_audit_entries WHERE chain_seq IS NULL"));
    }

    private Task<(int ExitCode, string Output)> RunCommandAsync(string command) => PortalCommand.PortalAsync(portal.ConnectionString, "audit", command);
}
