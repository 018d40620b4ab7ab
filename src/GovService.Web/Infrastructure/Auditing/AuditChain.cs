using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using GovService.Web.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovService.Web.Infrastructure.Auditing;

/// <summary>
/// The audit trail's hash chain (issue 8). Entries are written by many transactions at once, so they are not
/// chained as they are inserted (that would serialise every audited write in the county); a sealer appends
/// them to the chain shortly after, in a fixed order, each hash covering the previous hash and the entry's
/// content. An entry is sealed only once every transaction older than its own has ended, so an entry that
/// commits late is appended later rather than slipped in between sealed ones. Editing, deleting or
/// reordering a sealed entry breaks the chain at that entry, and <see cref="VerifyAsync"/> names it.
/// </summary>
public sealed class AuditChain(GovDbContext db, ILogger<AuditChain> logger)
{
    /// <summary>Advisory lock key: one sealer at a time across all instances.</summary>
    private const long SealLock = 0x617564697463; // "auditc"

    private const int BatchSize = 5000;

    public static readonly string Genesis = new('0', 64);

    /// <summary>Seals every entry that can be sealed now; returns how many were appended.</summary>
    public async Task<int> SealAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var sealedNow = await SealBatchAsync(cancellationToken);
            total += sealedNow;
            if (sealedNow < BatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            var head = await HeadAsync(cancellationToken);
            // The head in the log is the anchor outside the database: a trail cut after it no longer reaches it.
            logger.LogInformation("Audit chain sealed {Count} entries; head #{Seq} {Hash}", total, head.Seq, head.Hash);
        }

        return total;
    }

    private async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("key", SealLock);
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            var (seq, previous) = await HeadAsync(connection, transaction, cancellationToken);
            var ids = new List<long>();
            var seqs = new List<long>();
            var hashes = new List<string>();
            await using (var select = new NpgsqlCommand(
                """
                SELECT id, at, user_name, action, entity_type, entity_id, before::text, after::text
                FROM gov.ops_audit_entries
                WHERE chain_seq IS NULL AND tx_id < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
                ORDER BY id
                LIMIT @batch
                """, connection, transaction))
            {
                select.Parameters.AddWithValue("batch", BatchSize);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    seq++;
                    previous = Hash(previous, seq, Read(reader));
                    ids.Add(reader.GetInt64(0));
                    seqs.Add(seq);
                    hashes.Add(previous);
                }
            }

            if (ids.Count > 0)
            {
                await using var update = new NpgsqlCommand(
                    """
                    UPDATE gov.ops_audit_entries e SET chain_seq = v.seq, hash = v.hash
                    FROM unnest(@ids, @seqs, @hashes) AS v(id, seq, hash)
                    WHERE e.id = v.id
                    """, connection, transaction);
                update.Parameters.AddWithValue("ids", ids.ToArray());
                update.Parameters.AddWithValue("seqs", seqs.ToArray());
                update.Parameters.AddWithValue("hashes", hashes.ToArray());
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return ids.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<(long Seq, string Hash)> HeadAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await HeadAsync(connection, null, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(long Seq, string Hash)> HeadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT chain_seq, hash FROM gov.ops_audit_entries WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, Genesis);
    }

    /// <summary>
    /// Walks the chain from the start and recomputes every hash. Reports the first entry whose content no longer
    /// matches its hash, or whose position shows an entry missing before it.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            long expectedSeq = 0;
            var previous = Genesis;
            await using (var select = new NpgsqlCommand(
                """
                SELECT id, at, user_name, action, entity_type, entity_id, before::text, after::text, chain_seq, hash
                FROM gov.ops_audit_entries
                WHERE chain_seq IS NOT NULL
                ORDER BY chain_seq
                """, connection))
            {
                select.CommandTimeout = 0;
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var entry = Read(reader);
                    var seq = reader.GetInt64(8);
                    var stored = reader.GetString(9);
                    expectedSeq++;
                    if (seq != expectedSeq)
                    {
                        return AuditVerification.Broken(expectedSeq - 1, seq, entry.Id, AuditBreak.Missing);
                    }

                    var computed = Hash(previous, seq, entry);
                    if (!string.Equals(computed, stored, StringComparison.Ordinal))
                    {
                        return AuditVerification.Broken(expectedSeq - 1, seq, entry.Id, AuditBreak.Altered);
                    }

                    previous = stored;
                }
            }

            await using var pending = new NpgsqlCommand("SELECT count(*) FROM gov.ops_audit_entries WHERE chain_seq IS NULL", connection);
            var unsealed = (long)(await pending.ExecuteScalarAsync(cancellationToken))!;
            return new AuditVerification(expectedSeq, previous, unsealed, null);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static ChainedEntry Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetFieldValue<DateTime>(1).Ticks,
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7));

    /// <summary>SHA-256 over the previous hash and the entry's fields, each length-prefixed (null distinct from empty).</summary>
    internal static string Hash(string previous, long seq, ChainedEntry entry)
    {
        var text = new StringBuilder(previous).Append('|').Append(seq).Append('|').Append(entry.Id).Append('|').Append(entry.AtTicks);
        foreach (var field in new[] { entry.UserName, entry.Action, entry.EntityType, entry.EntityId, entry.Before, entry.After })
        {
            text.Append('|');
            if (field is null)
            {
                text.Append('-');
            }
            else
            {
                text.Append(field.Length).Append(':').Append(field);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

internal sealed record ChainedEntry(long Id, long AtTicks, string? UserName, string Action, string EntityType, string EntityId, string? Before, string? After);

public enum AuditBreak
{
    /// <summary>The entry's content or hash is not what was sealed.</summary>
    Altered,

    /// <summary>One or more entries before this one were removed.</summary>
    Missing,
}

/// <summary>The outcome of a verification: how far the chain holds and, when broken, the first bad entry.</summary>
public sealed record AuditVerification(long VerifiedEntries, string HeadHash, long UnsealedEntries, AuditChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;

    public static AuditVerification Broken(long verified, long seq, long entryId, AuditBreak kind) =>
        new(verified, "", 0, new AuditChainBreak(seq, entryId, kind));
}

public sealed record AuditChainBreak(long ChainSeq, long EntryId, AuditBreak Kind);

/// <summary>Seals new audit entries every minute (one instance at a time: the chain takes an advisory lock).</summary>
public sealed class AuditSealJob(AuditChain chain)
{
    public const string RecurringId = "ops.audit-seal";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken cancellationToken) => chain.SealAsync(cancellationToken);
}
