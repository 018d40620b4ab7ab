using System.Globalization;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Shared.Calendar;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>The last sequence number handed out for a region and a day.</summary>
public sealed class CaseCounter
{
    public string Region { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

/// <summary>
/// 办件编号 = 6-digit county code + date (Asia/Shanghai) + 5-digit daily sequence, e.g.
/// 3611312026112300001. The sequence comes from one atomic upsert, so concurrent intakes on any number
/// of instances never share a number and leave no gaps. The day's counter row stays locked from the draw
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
        var day = clock.Today();
        var region = Region;
        var prefix = Prefix(day);
        var ids = cases.Select(c => c.Id).ToArray();
        var user = Infrastructure.Auditing.AuditInterceptor.CurrentUser(http);
        var assigned = await db.Database.SqlQuery<NumberAssigned>($"""
            WITH drawn AS (
                INSERT INTO gov.int_case_counters (region, day, last) VALUES ({region}, {day}, {ids.Length})
                ON CONFLICT (region, day) DO UPDATE SET last = gov.int_case_counters.last + {ids.Length}
                RETURNING last
            ), numbered AS (
                UPDATE gov.int_cases c SET number = {prefix} || lpad((drawn.last - {ids.Length} + k.ord)::text, 5, '0')
                FROM drawn, unnest({ids}) WITH ORDINALITY AS k(id, ord)
                WHERE c.id = k.id AND c.number IS NULL
                RETURNING c.id, c.number, c.xmin
            ), audited AS (
                INSERT INTO gov.ops_audit_entries (at, user_name, action, entity_type, entity_id, before, after)
                SELECT {at.ToUniversalTime()}, {user}, 'Modified', 'Case', numbered.id::text, jsonb_build_object('Number', NULL), jsonb_build_object('Number', numbered.number)
                FROM numbered
            )
            SELECT id, number, xmin::text::bigint AS row_version FROM numbered
            """).ToListAsync(ct);
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
    /// The INSERT of a new case that draws its number in the same statement, for a case written once, already
    /// numbered (<see cref="ModelInserts"/>); returns <c>number</c> and <c>row_version</c>. The
    /// day's counter row stays locked from this statement to the commit: send it in the batch that writes the rest
    /// of the case (one round trip, the commit included), never before a round trip of the application's.
    /// </summary>
    public Npgsql.NpgsqlBatchCommand InsertNumbered(Case c)
    {
        var day = clock.Today();
        return ModelInserts.Insert(db, c,
            computed: [("number", "{2} || lpad(drawn.last::text, 5, '0')")],
            arguments: [Region, day, Prefix(day)],
            prefix: """
                WITH drawn AS (
                    INSERT INTO gov.int_case_counters (region, day, last) VALUES ({0}, {1}, 1)
                    ON CONFLICT (region, day) DO UPDATE SET last = gov.int_case_counters.last + 1
                    RETURNING last)
                """,
            from: "drawn",
            returning: "number, xmin::text::bigint AS row_version");
    }

    /// <summary>What every number of the day starts with: the county and the date.</summary>
    private string Prefix(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{Region}{day:yyyyMMdd}");

    private sealed record NumberAssigned(Guid Id, string Number, long RowVersion);
}
