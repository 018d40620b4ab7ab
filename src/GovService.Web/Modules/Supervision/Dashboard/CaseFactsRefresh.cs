using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Supervision.Sweep;
using GovService.Web.Shared.Calendar;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace GovService.Web.Modules.Supervision.Dashboard;

public sealed record FactsRefreshResult(bool Full, int Rows, TimeSpan Took);

/// <summary>
/// Keeps <c>sup_case_days</c> (the dashboard's case figures per acceptance day, hall and item) up to date from
/// Intake's views <c>int_v_case_facts</c> and <c>int_v_case_flags</c>. Every few minutes it recomputes the last
/// <c>Supervision:FactsRefreshDays</c> days and every older day that still holds open cases (only open cases change);
/// nightly, and whenever the table is empty, everything. One refresh at a time (advisory lock), in one transaction:
/// the dashboard never sees a half-written day.
/// </summary>
public sealed class CaseFactsRefresh(GovDbContext db, IWorkingCalendarProvider calendars, IOptions<SupervisionOptions> options, TimeProvider clock, ILogger<CaseFactsRefresh> logger)
{
    public const string RecurringId = "supervision.facts-refresh";
    public const string RebuildId = "supervision.facts-rebuild";
    private const long LockKey = 0x5355_5044_4159; // "SUPDAY"

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(bool full, CancellationToken cancellationToken) => (await RefreshAsync(full, cancellationToken)).Rows;

    public async Task<FactsRefreshResult> RefreshAsync(bool full, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var today = clock.Today();
        var from = today.AddDays(-Math.Max(1, options.Value.FactsRefreshDays));
        var calendar = await calendars.GetAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10)); // the nightly rebuild reads every case
        var strategy = db.Database.CreateExecutionStrategy();
        var rows = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(@key)", [new NpgsqlParameter("key", LockKey)], cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT set_config('jit', 'off', true), set_config('work_mem', '128MB', true)", cancellationToken);
            await DeadlineSweep.FillWorkingDaysAsync(db, calendar, today, cancellationToken);
            full = full || !await db.Set<Domain.CaseDayFacts>().AnyAsync(cancellationToken);
            var openDays = full ? [] : await db.Database.SqlQueryRaw<DateOnly>(
                    "SELECT DISTINCT day AS \"Value\" FROM gov.sup_case_days WHERE open > 0 AND day < @from", new NpgsqlParameter("from", from))
                .ToListAsync(cancellationToken);
            // The days rewritten: the recent ones (all of them when rebuilding) and the older ones with open cases.
            var start = full ? DateOnly.MinValue : from;
            var older = openDays.ToArray();
            NpgsqlParameter[] Days() => [new("from", start), new("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = older }];
            await db.Database.ExecuteSqlRawAsync("DELETE FROM gov.sup_case_days WHERE day >= @from OR day = ANY(@days)", Days(), cancellationToken);
            var written = await db.Database.ExecuteSqlRawAsync(RefreshSql, [.. Days(), new NpgsqlParameter("now", clock.GetUtcNow().ToUniversalTime()), new NpgsqlParameter("today", today)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return written;
        });
        var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        logger.LogInformation("Dashboard figures {Mode}: {Rows} day rows written in {Ms} ms", full ? "rebuilt" : "refreshed", rows, (int)took.TotalMilliseconds);
        return new FactsRefreshResult(full, rows, took);
    }

    private const string RefreshSql = """
        INSERT INTO gov.sup_case_days (day, hall_id, basic_code, item_name, cases, open, overdue, decided, on_time, working_days_sum, decided_counted,
                                       supplemented, visits_sum, without_visit, materials_required, materials_reused,
                                       repeated, extra_visits, second_supplement, refreshed_at)
        SELECT f.accepted_on, f.hall_id, f.basic_code, min(f.item_name),
               count(*),
               count(*) FILTER (WHERE f.is_open),
               count(*) FILTER (WHERE f.is_open AND f.promised_due < @today AND p.case_id IS NULL),
               count(*) FILTER (WHERE f.decided_on IS NOT NULL),
               count(*) FILTER (WHERE f.decided_on IS NOT NULL AND f.promised_due IS NOT NULL AND f.decided_on <= f.promised_due),
               coalesce(sum(dd.n - da.n) FILTER (WHERE f.decided_on IS NOT NULL), 0),
               count(dd.n - da.n) FILTER (WHERE f.decided_on IS NOT NULL),
               count(*) FILTER (WHERE f.supplemented),
               sum(f.visits),
               count(*) FILTER (WHERE f.visits = 0),
               sum(f.materials_required),
               sum(f.materials_reused),
               count(*) FILTER (WHERE g.repeated),
               count(*) FILTER (WHERE g.extra_visits),
               count(*) FILTER (WHERE g.second_supplement),
               @now
        FROM gov.int_v_case_facts f
        JOIN gov.int_v_case_flags g ON g.case_id = f.case_id
        LEFT JOIN gov.sup_working_days da ON da.d = f.accepted_on
        LEFT JOIN gov.sup_working_days dd ON dd.d = f.decided_on
        -- A paused clock (补正, 特别程序) is not late: its due date moves when the clock runs again.
        LEFT JOIN gov.apr_v_paused_cases p ON f.is_open AND p.case_id = f.case_id
        WHERE f.hall_id IS NOT NULL AND (f.accepted_on >= @from OR f.accepted_on = ANY(@days))
        GROUP BY 1, 2, 3
        """;
}
