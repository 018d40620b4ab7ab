using System.Globalization;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>The last sequence number handed out for a region and a day.</summary>
public sealed class CaseCounter
{
    public string Region { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

/// <summary>
/// 办件编号 = 6-digit county code + date (Asia/Shanghai) + daily sequence of at least 5 digits, e.g.
/// 3611312026112300001; the 100,000th case of a day is 36113120261123100000 (one digit more, never a
/// number cut short: <c>lpad</c> truncates a longer string to the width it is given). The sequence comes
/// from one atomic upsert, so concurrent intakes on any number of instances never share a number and leave
/// no gaps. The day's counter row stays locked from the draw
/// to the commit of the drawing transaction: every other intake of the county waits that long, so every
/// intake draws as late as it can, in the statement that writes the numbers into its saved cases: an online
/// submission right before its commit; a window acceptance before the back office's routing, which needs the
/// number (a few statements; windows are few).
/// </summary>
public sealed class CaseNumbers(GovDbContext db, TimeProvider clock, IConfiguration configuration, IHttpContextAccessor http)
{
    public string Region => configuration["Intake:RegionCode"] ?? "361131";

    /// <summary>
    /// Draws the numbers of cases already saved in the current transaction and writes them, with their audit
    /// entries (before: no number, after: the number), in one statement; call it last, right before the commit,
    /// so the counter row is locked for one round trip only. The tracked cases get their numbers too, and their
    /// new row version, so a later save of the same cases in this transaction is not mistaken for a conflict.
    /// </summary>
    public async Task AssignAsync(IReadOnlyList<Case> cases, DateTimeOffset at, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as Npgsql.NpgsqlTransaction
            ?? throw new InvalidOperationException("Numbers are drawn inside the transaction that saved the cases.");
        await using var batch = new Npgsql.NpgsqlBatch(transaction.Connection, transaction) { BatchCommands = { Draw([.. cases.Select(c => c.Id)], at) } };
        List<(Guid Id, string Number, long RowVersion)> assigned;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            assigned = await ReadAsync(reader, ct);
        }

        if (assigned.Count != cases.Count)
        {
            throw new InvalidOperationException($"{cases.Count - assigned.Count} of {cases.Count} cases could not be numbered (not saved yet, or numbered already).");
        }

        foreach (var c in cases)
        {
            var entry = db.Entry(c);
            var row = assigned.Single(a => a.Id == c.Id);
            entry.Property(x => x.Number).CurrentValue = row.Number;
            entry.Property(x => x.Number).OriginalValue = row.Number;
            entry.Property(x => x.RowVersion).CurrentValue = (uint)row.RowVersion;
            entry.Property(x => x.RowVersion).OriginalValue = (uint)row.RowVersion;
        }
    }

    /// <summary>
    /// The statement <see cref="AssignAsync"/> sends, for a batch that writes its cases itself
    /// (<see cref="ModelInserts"/>): put it last, after the cases' inserts, so the counter row is locked from this
    /// statement to the batch's commit only, and never while the batch waits for a case's key. Its rows (id,
    /// number, row version) are read with <see cref="ReadAsync"/>.
    /// </summary>
    public Npgsql.NpgsqlBatchCommand Draw(Guid[] ids, DateTimeOffset at)
    {
        var day = clock.Today();
        return new Npgsql.NpgsqlBatchCommand("""
            WITH drawn AS (
                INSERT INTO gov.int_case_counters (region, day, last) VALUES ($1, $2, $3)
                ON CONFLICT (region, day) DO UPDATE SET last = gov.int_case_counters.last + $3
                RETURNING last
            ), numbered AS (
                UPDATE gov.int_cases c SET number = $4 || lpad(s.seq, greatest(5, length(s.seq)), '0')
                FROM drawn, unnest($5::uuid[]) WITH ORDINALITY AS k(id, ord), LATERAL (SELECT (drawn.last - $3 + k.ord)::text) AS s(seq)
                WHERE c.id = k.id AND c.number IS NULL
                RETURNING c.id, c.number, c.xmin
            ), audited AS (
                INSERT INTO gov.ops_audit_entries (at, user_name, action, entity_type, entity_id, before, after)
                SELECT $6, $7, 'Modified', 'Case', numbered.id::text, jsonb_build_object('Number', NULL), jsonb_build_object('Number', numbered.number)
                FROM numbered
            )
            SELECT id, number, xmin::text::bigint AS row_version FROM numbered
            """)
        {
            Parameters =
            {
                new() { Value = Region },
                new() { Value = day },
                new() { Value = ids.Length },
                new() { Value = Prefix(day) },
                new() { Value = ids },
                new() { Value = at.ToUniversalTime() },
                new() { Value = Infrastructure.Auditing.AuditInterceptor.CurrentUser(http) },
            },
        };
    }

    /// <summary>The numbers <see cref="Draw"/> wrote, from the reader of its batch (the other statements' results skipped).</summary>
    public static async Task<List<(Guid Id, string Number, long RowVersion)>> ReadAsync(System.Data.Common.DbDataReader reader, CancellationToken ct)
    {
        var rows = new List<(Guid, string, long)>();
        do
        {
            while (reader.FieldCount > 0 && await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }
        while (await reader.NextResultAsync(ct));
        return rows;
    }

    /// <summary>What every number of the day starts with: the county and the date.</summary>
    private string Prefix(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{Region}{day:yyyyMMdd}");

}
