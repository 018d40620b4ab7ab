using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace GovService.Web.Modules.Supervision.Sweep;

public sealed record SweepResult(DateOnly AsOf, int YellowCards, int RedCards, int Orders, int Escalations, int Closed, TimeSpan Took);

/// <summary>
/// The deadline sweep (DESIGN §6): evaluates every open case and open step against its promised, statutory and
/// step deadline in a handful of set-based statements, all in one transaction:
/// <list type="number">
/// <item>a table numbers the working days (holidays and 调休 from the working calendar), so "working days
/// left" and "share elapsed" are subtractions;</item>
/// <item>a parallel SELECT collects the yellow and red cards due, skipping paused clocks, and one INSERT issues
/// them; the unique index <c>ux_sup_cards_once</c> with ON CONFLICT DO NOTHING makes reruns and concurrent runs
/// harmless;</item>
/// <item>cards of finished cases and steps are closed (kept as history), found by a parallel SELECT too;</item>
/// <item>each open red card without an order gets a supervision order (unique per card);</item>
/// <item>orders past their response date escalate one level;</item>
/// <item>only what this run created is announced (inbox, keyed by event), in the same transaction.</item>
/// </list>
/// It reads the cases and steps through the SQL views the Intake and Approval modules publish as their contracts
/// (<c>int_v_open_clocks</c>, <c>apr_v_open_steps</c>, <c>apr_v_case_limits</c>, <c>apr_v_paused_cases</c>).
/// </summary>
public sealed class DeadlineSweep(
    GovDbContext db,
    IWorkingCalendarProvider calendars,
    IOrganizationDirectory organization,
    INotifications notifications,
    IOptions<SupervisionOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    ILogger<DeadlineSweep> logger)
{
    public async Task<SweepResult> RunAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow().ToUniversalTime();
        var settings = options.Value;
        var calendar = await calendars.GetAsync(cancellationToken);
        var responseDue = calendar.AddWorkingDays(asOf, Math.Max(1, settings.ResponseWorkingDays)).End;

        // A background job over every open case: a first run over a large backlog may take longer than a page's 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Hash joins over every open case fit in memory instead of spilling to disk, and no JIT: compiling these
            // statements' expressions took longer (2 s of 4.5 s at 100,000 open cases) than evaluating them (this
            // transaction only).
            // The scans over every open case and step run on parallel workers: with the default costs PostgreSQL
            // keeps them serial, because a million rows pass through the gather (2026-12-02: 8.0 s → 6.5–7.1 s).
            await db.Database.ExecuteSqlRawAsync(
                "SELECT set_config('jit', 'off', true), set_config('work_mem', @mem, true), set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true)",
                [new NpgsqlParameter("mem", $"{Math.Clamp(settings.SweepWorkMemMegabytes, 4, 1024)}MB")], cancellationToken);
            await FillWorkingDaysAsync(db, calendar, asOf, cancellationToken);

            // PostgreSQL 15 runs no INSERT … SELECT and no UPDATE in parallel: what is due and what is to close are
            // first collected by parallel SELECTs into temporary tables (dropped at commit), then written. A CREATE
            // TABLE AS takes no bind parameters, so the day and the default rule go in as literals — a date and two
            // integers of this method, never text from a request.
            await db.Database.ExecuteSqlRawAsync(DueCardsSql
                .Replace("@today", $"DATE '{asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}'", StringComparison.Ordinal)
                .Replace("@pct", settings.YellowPercent.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("@days", settings.YellowDaysLeft.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), cancellationToken);
            var cards = await db.Database.SqlQueryRaw<NewCard>(IssueCardsSql, [new NpgsqlParameter("today", asOf), new NpgsqlParameter("now", now)])
                .ToListAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(ClosingCardsSql, cancellationToken);
            var closed = await db.Database.ExecuteSqlRawAsync(CloseCardsSql, [new NpgsqlParameter("now", now)], cancellationToken);
            var orders = await db.Database.SqlQueryRaw<NewOrder>(OpenOrdersSql,
                [new NpgsqlParameter("today", asOf), new NpgsqlParameter("now", now), new NpgsqlParameter("due", responseDue),
                 new NpgsqlParameter("promised", l["Supervision.Order.Content.Promised"].Value),
                 new NpgsqlParameter("statutory", l["Supervision.Order.Content.Statutory"].Value),
                 new NpgsqlParameter("step", l["Supervision.Order.Content.Step"].Value)])
                .ToListAsync(cancellationToken);
            var escalated = await db.Database.SqlQueryRaw<NewOrder>(EscalateSql,
                [new NpgsqlParameter("today", asOf), new NpgsqlParameter("now", now), new NpgsqlParameter("due", responseDue)])
                .ToListAsync(cancellationToken);

            // The new orders' department names (the SQL insert leaves them empty): one update per department concerned.
            var concerned = orders.Where(o => o.DepartmentId is not null).Select(o => o.DepartmentId!.Value).ToHashSet();
            if (concerned.Count > 0)
            {
                foreach (var department in (await organization.DepartmentsAsync(cancellationToken)).Where(d => concerned.Contains(d.Id)))
                {
                    await db.Set<SupervisionOrder>().Where(o => o.DepartmentId == department.Id && o.DepartmentName == "")
                        .ExecuteUpdateAsync(set => set.SetProperty(o => o.DepartmentName, department.Name), cancellationToken);
                }
            }

            // Complaints and rectification work orders are watched like cases: past their date unanswered, the
            // supervisors over the hall are told once (escalated_at, set under the row lock of this UPDATE).
            var overdue = await db.Database.SqlQueryRaw<OverdueItem>(OverdueSql, [new NpgsqlParameter("today", asOf), new NpgsqlParameter("now", now)]).ToListAsync(cancellationToken);

            await AnnounceAsync(cards, orders, escalated, asOf, cancellationToken);
            await AnnounceOverdueAsync(overdue, cancellationToken);
            // Last, so concurrent sweeps do not wait on this row for the whole run; the dashboard's card figures are
            // cached until it moves.
            await db.Database.ExecuteSqlRawAsync("UPDATE gov.sup_sweep_state SET revision = revision + 1, swept_at = @now WHERE id = 1",
                [new NpgsqlParameter("now", now)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            var result = new SweepResult(asOf, cards.Count(c => c.Colour == (int)CardColour.Yellow), cards.Count(c => c.Colour == (int)CardColour.Red), orders.Count, escalated.Count, closed,
                System.Diagnostics.Stopwatch.GetElapsedTime(started));
            logger.LogInformation("Deadline sweep as of {AsOf}: {Yellow} yellow, {Red} red, {Orders} orders, {Escalations} escalations, {Closed} closed in {Ms} ms",
                asOf, result.YellowCards, result.RedCards, result.Orders, result.Escalations, result.Closed, (int)result.Took.TotalMilliseconds);
            return result;
        });
    }

    /// <summary>The first day numbered: fixed, so a day keeps its number from run to run (only calendar changes rewrite rows).</summary>
    public static readonly DateOnly Epoch = new(2015, 1, 1);

    /// <summary>n(d) = working days from <see cref="Epoch"/> up to and including d (table sup_working_days), two years ahead.</summary>
    /// <summary>Numbers the working days (also used by the dashboard figures' refresh, which may run before any sweep).</summary>
    public static async Task FillWorkingDaysAsync(GovDbContext db, WorkingCalendar calendar, DateOnly asOf, CancellationToken cancellationToken)
    {
        var from = Epoch;
        var to = asOf.AddYears(2);
        var days = new List<DateOnly>(12000);
        var numbers = new List<int>(12000);
        var n = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            n += calendar.IsWorkingDay(d) ? 1 : 0;
            days.Add(d);
            numbers.Add(n);
        }

        // An upsert (not delete + insert), so that concurrent sweeps never collide; unchanged rows are not rewritten.
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO gov.sup_working_days (d, n) SELECT * FROM unnest(@days, @numbers)
            ON CONFLICT (d) DO UPDATE SET n = EXCLUDED.n WHERE sup_working_days.n <> EXCLUDED.n
            """,
            [new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = days.ToArray() },
             new NpgsqlParameter("numbers", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = numbers.ToArray() }],
            cancellationToken);
    }

    /// <summary>
    /// Up to this many new cards (or orders) for one department in one run are announced one by one; more (a backlog
    /// met at once, e.g. the first run after an outage) become one summary message per person, pointing to the list.
    /// </summary>
    public const int IndividualNoticeLimit = 20;

    private async Task AnnounceAsync(List<NewCard> cards, List<NewOrder> orders, List<NewOrder> escalated, DateOnly asOf, CancellationToken cancellationToken)
    {
        var notices = new List<Notice>();
        var departments = new Dictionary<Guid, IReadOnlyList<StaffContact>>();
        var halls = new Dictionary<Guid, IReadOnlyList<StaffContact>>();
        async Task<IReadOnlyList<StaffContact>> Department(Guid id) =>
            departments.TryGetValue(id, out var staff) ? staff : departments[id] = await organization.StaffOfDepartmentAsync(id, cancellationToken);
        async Task<IReadOnlyList<StaffContact>> Hall(Guid? id) =>
            id is not { } h ? [] : halls.TryGetValue(h, out var staff) ? staff : halls[h] = await organization.StaffOfHallAsync(h, cancellationToken);

        foreach (var group in cards.GroupBy(c => (c.DepartmentId, HallId: c.DepartmentId is null ? c.HallId : null, c.Colour)))
        {
            var recipients = group.Key.DepartmentId is { } dept ? await Department(dept) : await Hall(group.Key.HallId);
            var colour = l[group.Key.Colour == (int)CardColour.Red ? "Supervision.Card.Red" : "Supervision.Card.Yellow"].Value;
            var link = group.Key.DepartmentId is null ? "/supervision/cards" : "/review";
            if (group.Count() > IndividualNoticeLimit)
            {
                var first = group.Min(c => c.Id);
                notices.AddRange(recipients.Select(person => new Notice($"cards:{asOf:yyyy-MM-dd}:{first}", person.UserId, null,
                    l["Supervision.Card.Summary.Title", group.Count(), colour].Value, l["Supervision.Card.Summary.Body", asOf.ToString("yyyy-MM-dd")].Value, link)));
                continue;
            }

            foreach (var card in group)
            {
                var deadline = l[$"Supervision.Deadline.{(DeadlineKind)card.Deadline}"].Value;
                notices.AddRange(recipients.Select(person => new Notice($"card:{card.Id}", person.UserId, null,
                    l["Supervision.Card.Notice.Title", colour, card.CaseNumber].Value,
                    l["Supervision.Card.Notice.Body", card.ItemName, card.StepName.Length > 0 ? card.StepName : deadline, card.DueOn.ToString("yyyy-MM-dd")].Value,
                    link)));
            }
        }

        foreach (var group in orders.Concat(escalated).GroupBy(o => (o.Level, o.Level == SupervisionOrder.FirstLevel ? o.DepartmentId : null, o.Level == SupervisionOrder.FirstLevel && o.DepartmentId is null || o.Level > SupervisionOrder.FirstLevel ? o.HallId : null)))
        {
            var sample = group.First();
            var recipients = sample.Level == SupervisionOrder.FirstLevel
                ? OrderNotices.Addressees(sample.DepartmentId is { } dept ? await Department(dept) : await Hall(sample.HallId))
                : await organization.SupervisorsOverHallAsync(sample.HallId, sample.Level, cancellationToken);
            if (group.Count() > IndividualNoticeLimit)
            {
                var first = group.Min(o => o.Id);
                notices.AddRange(recipients.Select(person => new Notice($"orders:{asOf:yyyy-MM-dd}:{sample.Level}:{first}", person.UserId, null,
                    l["Supervision.Order.Summary.Title", group.Count(), sample.Level].Value, l["Supervision.Order.Summary.Body", sample.ResponseDue.ToString("yyyy-MM-dd")].Value,
                    "/supervision/orders")));
                continue;
            }

            foreach (var order in group)
            {
                notices.AddRange(OrderNotices.For(recipients, order.Id, order.Number, order.CaseNumber, order.Content, order.ResponseDue, order.Level, l));
            }
        }

        await notifications.PostAsync(notices, cancellationToken);
    }

    private async Task AnnounceOverdueAsync(List<OverdueItem> overdue, CancellationToken cancellationToken)
    {
        var notices = new List<Notice>();
        foreach (var item in overdue)
        {
            var complaint = item.Kind == "complaint";
            foreach (var supervisor in await organization.SupervisorsOverHallAsync(item.HallId, 1, cancellationToken))
            {
                notices.Add(new Notice($"{item.Kind}:{item.Id}:overdue", supervisor.UserId, null,
                    l[complaint ? "Complaint.Overdue.Title" : "Rectification.Overdue.Title", item.Number, item.DueOn.ToString("yyyy-MM-dd")].Value,
                    item.Summary, complaint ? $"/supervision/complaints/{item.Id}" : $"/supervision/rectifications/{item.Id}"));
            }
        }

        await notifications.PostAsync(notices, cancellationToken);
    }

    private sealed record OverdueItem(string Kind, Guid Id, string Number, string Summary, Guid? HallId, DateOnly DueOn);

    private static readonly string OverdueSql = $"""
        WITH complaints AS (
            UPDATE gov.sup_complaints SET escalated_at = @now
            WHERE state = {(int)ComplaintState.Open} AND escalated_at IS NULL AND due_on < @today
            RETURNING 'complaint' AS kind, id, number, title AS summary, hall_id, due_on),
        rectifications AS (
            UPDATE gov.sup_rectifications SET escalated_at = @now
            WHERE state = {(int)RectificationState.Open} AND escalated_at IS NULL AND due_on < @today
            RETURNING 'rectification' AS kind, id, number, case_number || ' ' || complaint AS summary, hall_id, due_on)
        SELECT * FROM complaints UNION ALL SELECT * FROM rectifications
        """;

    private sealed record NewCard(Guid Id, string CaseNumber, string ItemName, Guid? HallId, Guid? DepartmentId, string StepName, int Deadline, int Colour, DateOnly DueOn);

    private sealed record NewOrder(Guid Id, string Number, string CaseNumber, string Content, Guid? DepartmentId, Guid? HallId, int Level, DateOnly ResponseDue);

    private static readonly string DueCardsSql = $"""
        CREATE TEMP TABLE sweep_due ON COMMIT DROP AS
        WITH t AS MATERIALIZED (SELECT n FROM gov.sup_working_days WHERE d = @today),
        bound AS MATERIALIZED (
            SELECT greatest(@days, coalesce(max(r.yellow_days_left), 0)) AS days_left,
                   least(@pct, coalesce(min(r.yellow_percent), 100)) AS pct
            FROM gov.sup_card_rules r
        ),
        paused AS MATERIALIZED (SELECT p.case_id FROM gov.apr_v_paused_cases p),
        clocks AS (
            SELECT c.case_id, c.number, c.item_name, c.basic_code, c.hall_id, c.promised_due, c.statutory_due,
                   coalesce(np.n, 2147483) - t.n AS p_remaining, coalesce(np.n, 0) - coalesce(na.n, 0) AS p_span,
                   coalesce(ns.n, 2147483) - t.n AS s_remaining, coalesce(ns.n, 0) - coalesce(na.n, 0) AS s_span,
                   c.promised_due - c.accepted_on AS p_calendar_span, c.statutory_due - c.accepted_on AS s_calendar_span
            -- OFFSET 0 keeps the view's accepted_on (a time-zone conversion) computed once per case.
            FROM (SELECT * FROM gov.int_v_open_clocks OFFSET 0) c
            CROSS JOIN t
            LEFT JOIN gov.sup_working_days np ON np.d = c.promised_due
            LEFT JOIN gov.sup_working_days ns ON ns.d = c.statutory_due
            LEFT JOIN gov.sup_working_days na ON na.d = c.accepted_on
            WHERE NOT EXISTS (SELECT 1 FROM paused p WHERE p.case_id = c.case_id)
        ),
        -- A cheap superset of what may need a card (the most lenient rule, the span in calendar days as an upper
        -- bound of any limit); checked exactly below with the case's limits and the item's or step's rule.
        candidates AS (
            SELECT x.case_id, '00000000-0000-0000-0000-000000000000'::uuid AS task_id, k.deadline, x.number AS case_number, x.item_name,
                   x.basic_code, x.hall_id, NULL::uuid AS department_id, ''::text AS step_name, k.due, NULL::int AS step_limit,
                   k.remaining, k.span
            FROM clocks x
            CROSS JOIN bound b
            CROSS JOIN LATERAL (VALUES ({(int)DeadlineKind.Promised}, x.promised_due, x.p_remaining, x.p_span), ({(int)DeadlineKind.Statutory}, x.statutory_due, x.s_remaining, x.s_span)) AS k(deadline, due, remaining, span)
            WHERE (x.promised_due < @today OR x.p_remaining <= b.days_left OR x.p_remaining * 100 <= (100 - b.pct) * greatest(x.p_span, x.p_calendar_span)
                   OR x.statutory_due < @today OR x.s_remaining <= b.days_left OR x.s_remaining * 100 <= (100 - b.pct) * greatest(x.s_span, x.s_calendar_span))
              AND k.due IS NOT NULL
            UNION ALL
            SELECT s.case_id, s.task_id, {(int)DeadlineKind.Step}, s.case_number, s.item_name, s.basic_code, s.hall_id, s.department_id, s.step_name, s.due_on,
                   s.limit_working_days, coalesce(nd.n, 2147483) - t.n, coalesce(nd.n, 0) - coalesce(no.n, 0)
            FROM gov.apr_v_open_steps s
            CROSS JOIN t
            CROSS JOIN bound b
            LEFT JOIN gov.sup_working_days nd ON nd.d = s.due_on
            LEFT JOIN gov.sup_working_days no ON no.d = s.opened_on
            WHERE s.due_on IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM paused p WHERE p.case_id = s.case_id)
              AND (s.due_on < @today OR coalesce(nd.n, 2147483) - t.n <= b.days_left
                   OR (coalesce(nd.n, 2147483) - t.n) * 100 <= (100 - b.pct) * greatest(coalesce(nd.n, 0) - coalesce(no.n, 0), s.due_on - s.opened_on))
        ),
        -- What each deadline already has: yellow its yellow card, red its red one too (red never comes without yellow). A
        -- yellow-carded deadline can only turn red, and red is its date passed: only uncarded ones are measured.
        carded AS (
            SELECT k.case_id, k.task_id, k.deadline, max(k.colour) AS top
            FROM gov.sup_cards k
            WHERE k.closed_at IS NULL
            GROUP BY k.case_id, k.task_id, k.deadline
        ),
        pending AS (
            SELECT x.*, c.top
            FROM candidates x
            LEFT JOIN carded c ON c.case_id = x.case_id AND c.task_id = x.task_id AND c.deadline = x.deadline
            WHERE c.top IS NULL OR (c.top = {(int)CardColour.Yellow} AND x.due < @today)
        ),
        measured AS (
            SELECT x.*,
                   coalesce(CASE x.deadline WHEN {(int)DeadlineKind.Promised} THEN lim.promised_total WHEN {(int)DeadlineKind.Statutory} THEN lim.statutory_total ELSE x.step_limit END, x.span) AS total_days,
                   CASE WHEN rs.id IS NOT NULL THEN rs.yellow_percent WHEN ri.id IS NOT NULL THEN ri.yellow_percent ELSE @pct END AS pct,
                   CASE WHEN rs.id IS NOT NULL THEN rs.yellow_days_left WHEN ri.id IS NOT NULL THEN ri.yellow_days_left ELSE @days END AS days_left
            FROM pending x
            LEFT JOIN gov.apr_v_case_limits lim ON x.top IS NULL AND x.deadline IN ({(int)DeadlineKind.Promised}, {(int)DeadlineKind.Statutory}) AND lim.case_id = x.case_id
            LEFT JOIN gov.sup_card_rules rs ON x.top IS NULL AND x.step_name <> '' AND rs.basic_code = x.basic_code AND rs.step_name = x.step_name
            LEFT JOIN gov.sup_card_rules ri ON x.top IS NULL AND ri.basic_code = x.basic_code AND ri.step_name = ''
        ),
        fresh AS (
            SELECT m.*, col.colour
            FROM measured m
            CROSS JOIN LATERAL (
                SELECT {(int)CardColour.Red} WHERE m.due < @today
                UNION ALL
                SELECT {(int)CardColour.Yellow} WHERE m.top IS NULL
                           AND (m.due < @today
                                OR (m.days_left IS NOT NULL AND m.remaining <= m.days_left)
                                OR (m.pct IS NOT NULL AND m.total_days > 0 AND (m.total_days - m.remaining) * 100 >= m.pct * m.total_days))) AS col(colour)
        )
        SELECT f.case_id, f.task_id, f.deadline, f.colour, f.case_number, f.item_name, f.basic_code, f.hall_id, f.department_id, f.step_name, f.due
        FROM fresh f
        """;

    private static readonly string IssueCardsSql = $"""
        INSERT INTO gov.sup_cards (id, case_id, task_id, deadline, colour, case_number, item_name, basic_code, hall_id, department_id, step_name, due_on, issued_on, issued_at)
        SELECT gen_random_uuid(), f.case_id, f.task_id, f.deadline, f.colour, f.case_number, f.item_name, f.basic_code, f.hall_id,
               coalesce(f.department_id, lead.department_id), f.step_name, f.due, @today, @now
        FROM sweep_due f
        -- A case's deadline is the department's whose open step is due first (looked up for new cards only).
        LEFT JOIN LATERAL (SELECT s.department_id FROM gov.apr_v_open_steps s WHERE f.deadline IN ({(int)DeadlineKind.Promised}, {(int)DeadlineKind.Statutory}) AND s.case_id = f.case_id
                           ORDER BY s.due_on NULLS LAST LIMIT 1) lead ON true
        ON CONFLICT (case_id, task_id, deadline, colour) DO NOTHING
        RETURNING id AS id, case_number AS case_number, item_name AS item_name, hall_id AS hall_id, department_id AS department_id,
                  step_name AS step_name, deadline AS deadline, colour AS colour, due_on AS due_on
        """;

    private static readonly string ClosingCardsSql = $"""
        CREATE TEMP TABLE sweep_closing ON COMMIT DROP AS
        SELECT k.id FROM gov.sup_cards k
        WHERE k.closed_at IS NULL AND k.deadline IN ({(int)DeadlineKind.Promised}, {(int)DeadlineKind.Statutory})
          AND NOT EXISTS (SELECT 1 FROM gov.int_v_open_clocks c WHERE c.case_id = k.case_id)
        UNION ALL
        SELECT k.id FROM gov.sup_cards k
        WHERE k.closed_at IS NULL AND k.deadline = {(int)DeadlineKind.Step}
          AND NOT EXISTS (SELECT 1 FROM gov.apr_v_open_steps s WHERE s.task_id = k.task_id)
        """;

    // closed_at is checked again under the row lock: a sweep running at the same moment may have closed it first.
    private const string CloseCardsSql = """
        UPDATE gov.sup_cards k SET closed_at = @now
        FROM sweep_closing c
        WHERE k.id = c.id AND k.closed_at IS NULL
        """;

    private static readonly string OpenOrdersSql = $"""
        INSERT INTO gov.sup_orders (id, number, card_id, case_id, case_number, item_name, content, department_id, department_name, hall_id,
                                    rule_code, warning_type, issued_at, state_changed_at, response_due, state, level, result, answered_by_name,
                                    opened_by_name, closing_note)
        SELECT gen_random_uuid(),
               {DocumentNumbers.SqlNumber(DocumentSeries.SupervisionOrder, "@today", "k.seq")},
               k.id, k.case_id, k.case_number, k.item_name,
               format(CASE k.deadline WHEN {(int)DeadlineKind.Promised} THEN @promised WHEN {(int)DeadlineKind.Statutory} THEN @statutory ELSE @step END, k.item_name, k.case_number, k.step_name, to_char(k.due_on, 'YYYY-MM-DD')),
               k.department_id, '', k.hall_id,
               CASE k.deadline WHEN {(int)DeadlineKind.Promised} THEN '{MonitoringRules.PromisedOverdue}' WHEN {(int)DeadlineKind.Statutory} THEN '{MonitoringRules.StatutoryOverdue}' ELSE '{MonitoringRules.StepOverdue}' END,
               {SupervisionOrder.OverdueWarning}, @now, @now, @due, {(int)OrderState.Open}, {SupervisionOrder.FirstLevel}, '', '', '', ''
        -- One number per row (a volatile function in a subquery's list is evaluated per row), at least six digits
        -- and never cut short: lpad truncates to the width it is given, so the millionth order would take the
        -- 100,000th's number. The order opened by hand (IssueOrder) is numbered by the same service.
        FROM (SELECT k.*, {DocumentNumbers.SqlDraw(DocumentSeries.SupervisionOrder)} AS seq
              FROM gov.sup_cards k
              WHERE k.colour = {(int)CardColour.Red} AND k.closed_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM gov.sup_orders o WHERE o.card_id = k.id)) k
        ON CONFLICT (card_id) WHERE card_id IS NOT NULL DO NOTHING
        RETURNING id AS id, number AS number, case_number AS case_number, content AS content, department_id AS department_id,
                  hall_id AS hall_id, level AS level, response_due AS response_due
        """;

    private static readonly string EscalateSql = $"""
        UPDATE gov.sup_orders
        SET level = level + 1, escalated_at = @now, state_changed_at = @now, response_due = @due
        WHERE state = {(int)OrderState.Open} AND response_due < @today AND level < {SupervisionOrder.TopLevel}
        RETURNING id AS id, number AS number, case_number AS case_number, content AS content, department_id AS department_id,
                  hall_id AS hall_id, level AS level, response_due AS response_due
        """;
}
