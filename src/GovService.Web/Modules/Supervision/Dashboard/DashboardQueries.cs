using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;

namespace GovService.Web.Modules.Supervision.Dashboard;

/// <summary>Figures of one group of cases (a hall, an item, a department's items, or the whole scope) accepted in the period.</summary>
/// <param name="Overdue">Open cases past their promised day (see <see cref="CaseDayFacts.Overdue"/>).</param>
public sealed record CaseFigures(string Key, string Name, int Cases, int Open, int Overdue, int Decided, int OnTime, double? AverageWorkingDays, int Supplemented, double? VisitsPerCase, int WithoutVisit, int MaterialsRequired, int MaterialsReused)
{
    /// <summary>Share of the required materials supplied from an e-licence instead of paper (免提交).</summary>
    public double? ReuseShare => MaterialsRequired == 0 ? null : (double)MaterialsReused / MaterialsRequired;

    public double? OnTimeRate => Decided == 0 ? null : (double)OnTime / Decided;

    public double? SupplementRate => Cases == 0 ? null : (double)Supplemented / Cases;

    public double? WithoutVisitShare => Cases == 0 ? null : (double)WithoutVisit / Cases;
}

/// <summary>Open cards of one department, hall or item.</summary>
public sealed record CardFigures(string Key, string Name, int Yellow, int Red);

/// <summary>One deadline a carded case or step has a card of this colour on, and its due day.</summary>
public sealed record CardedDeadline(DeadlineKind Kind, DateOnly DueOn);

/// <summary>
/// One row of the cards drill-down: a case or step with a card of one colour, as the dashboard counts it — a case
/// carded yellow on both its promised and its statutory deadline is one row listing both deadlines.
/// </summary>
public sealed record CardedCase(Guid CardId, string CaseNumber, string ItemName, string StepName, CardColour Colour, IReadOnlyList<CardedDeadline> Deadlines, DateOnly IssuedOn, bool Closed, Guid? DepartmentId, Guid? HallId);

public sealed record DashboardFilter(DateOnly From, DateOnly To);

/// <summary>Cases accepted in the period with each flag: 重复申请 (same applicant and item within 30 days), 多跑 (more visits than promised), 二次补正.</summary>
public sealed record FlagFigures(int Repeated, int ExtraVisits, int SecondSupplement);

public sealed record FlaggedCase(string Number, string ItemName, Guid? HallId, DateOnly AppliedOn, bool Repeated, bool ExtraVisits, bool SecondSupplement);

/// <summary>好差评 of the period (ratings whose appeal was upheld do not count) and the rectification work orders now open.</summary>
public sealed record RatingFigures(int Ratings, int Good, int Bad, int Voided, double? AverageLevel, int OpenOrders, int OverdueOrders, int AwaitingRater)
{
    /// <summary>满意率: ratings 1–3 of all counted ratings.</summary>
    public double? SatisfiedShare => Ratings == 0 ? null : (double)Good / Ratings;

    /// <summary>平均满意度 as people read it: the mean score out of 5, very satisfied (level 1) scoring 5 and very dissatisfied (level 5) 1.</summary>
    public double? AverageScore => AverageLevel is { } level ? 6 - level : null;
}

/// <summary>The figures read live on each page (see <see cref="DashboardQueries.LiveAsync"/>).</summary>
public sealed record LiveFigures(RatingFigures Ratings, int OpenOrders, int EscalatedOrders, int OpenComplaints, int OverdueComplaints);

/// <summary>好差评 of the period given to one department's staff (null: the halls' window staff), appeals upheld left out.</summary>
public sealed record RatingTally(Guid? DepartmentId, int Ratings, int Good)
{
    public double? SatisfiedShare => Ratings == 0 ? null : (double)Good / Ratings;
}

/// <summary>
/// One row of the dashboard's table per department — <see cref="Key"/> the department's id, empty for the accepting
/// halls (cards of work no department holds, ratings of window staff): the chart's cards of that department, the
/// case figures of the items it implements, the ratings of its staff.
/// </summary>
public sealed record DepartmentFigures(string Key, CardFigures Cards, CaseFigures? Cases, RatingTally? Ratings)
{
    /// <summary>
    /// The table's rows: the chart's departments first, in the chart's order and with the chart's very card figures,
    /// then the departments with cases or ratings but no open card, most open cases first.
    /// </summary>
    public static IReadOnlyList<DepartmentFigures> Table(IReadOnlyList<CardFigures> chart, IReadOnlyList<CaseFigures> cases, IReadOnlyList<RatingTally> ratings)
    {
        var caseRows = cases.Where(c => c.Key.Length > 0).ToDictionary(c => c.Key);
        var ratingRows = ratings.ToDictionary(r => r.DepartmentId?.ToString() ?? "");
        var keys = chart.Select(c => c.Key)
            .Concat(caseRows.Values.OrderByDescending(c => c.Open).ThenByDescending(c => c.Cases).Select(c => c.Key))
            .Concat(ratingRows.Keys)
            .Distinct();
        var cards = chart.ToDictionary(c => c.Key);
        return [.. keys.Select(k => new DepartmentFigures(k, cards.GetValueOrDefault(k) ?? new CardFigures(k, "", 0, 0), caseRows.GetValueOrDefault(k), ratingRows.GetValueOrDefault(k)))];
    }
}

/// <summary>Open cards grouped three ways, each list with the most red cards first.</summary>
public sealed record CardsByGroup(IReadOnlyList<CardFigures> ByDepartment, IReadOnlyList<CardFigures> ByHall, IReadOnlyList<CardFigures> ByItem);

public sealed record StaffRatings(string StaffName, string Office, int Ratings, int Good, int Bad);

/// <summary>
/// The dashboard's figures for the supervisor's halls: case figures and flags from the rolled-up days
/// (<c>sup_case_days</c>, kept by <see cref="CaseFactsRefresh"/> from Intake's views), cards, orders and ratings from
/// this module's own tables, drill-downs from Intake's view <c>int_v_case_flags</c>.
/// </summary>
public sealed record RolledUp(CaseFigures? Total, IReadOnlyList<CaseFigures> ByHall, IReadOnlyList<CaseFigures> ByItem, IReadOnlyList<CaseFigures> ByDepartment, FlagFigures Flags, DateTimeOffset? AsOf);

public sealed class DashboardQueries(GovDbContext db, ICatalogDirectory catalog, IMemoryCache cache)
{
    private sealed record RolledUpRow(string Grp, string Key, string Name, int Cases, int Open, int Overdue, int Decided, int OnTime, double? AverageWorkingDays, int Supplemented,
        double? VisitsPerCase, int WithoutVisit, int MaterialsRequired, int MaterialsReused, int Repeated, int ExtraVisits, int SecondSupplement);

    /// <summary>
    /// The case figures and flags of the halls and period — total, per hall, per item, per department (of the item) —
    /// in one pass over the rollup.
    /// Kept in memory per scope, period and rollup refresh: until the next refresh the answer cannot change, so
    /// supervisors opening the dashboard at the same time share one computation.
    /// </summary>
    public async Task<RolledUp> RolledUpAsync(IReadOnlySet<Guid> halls, DashboardFilter filter, CancellationToken ct)
    {
        var asOf = (await StampsAsync(ct)).FiguresAsOf;
        var key = ("sup-rollup", ScopeKey(halls), filter.From, filter.To, asOf);
        if (cache.TryGetValue(key, out RolledUp? hit) && hit is not null)
        {
            return hit;
        }

        var departments = await catalog.DepartmentsByItemAsync(ct);
        var rows = await db.Database.SqlQueryRaw<RolledUpRow>(RolledUpSql,
            [.. Parameters(halls, filter),
             new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = departments.Keys.ToArray() },
             new NpgsqlParameter("departments", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = departments.Values.ToArray() }]).ToListAsync(ct);
        static CaseFigures Figures(RolledUpRow r) => new(r.Key, r.Name, r.Cases, r.Open, r.Overdue, r.Decided, r.OnTime, r.AverageWorkingDays, r.Supplemented, r.VisitsPerCase, r.WithoutVisit, r.MaterialsRequired, r.MaterialsReused);
        var total = rows.FirstOrDefault(r => r.Grp == "" && r.Cases > 0);
        var result = new RolledUp(
            total is null ? null : Figures(total),
            [.. rows.Where(r => r.Grp == "hall").OrderByDescending(r => r.Cases).Select(Figures)],
            [.. rows.Where(r => r.Grp == "item").OrderByDescending(r => r.Cases).Select(Figures)],
            [.. rows.Where(r => r.Grp == "department").OrderByDescending(r => r.Open).Select(Figures)],
            new FlagFigures(total?.Repeated ?? 0, total?.ExtraVisits ?? 0, total?.SecondSupplement ?? 0),
            asOf);
        cache.Set(key, result, TimeSpan.FromMinutes(10));
        return result;
    }

    private const string RolledUpSql = """
            SELECT CASE WHEN grouping(f.hall_id) = 0 THEN 'hall' WHEN grouping(f.basic_code) = 0 THEN 'item' WHEN grouping(d.department_id) = 0 THEN 'department' ELSE '' END AS grp,
                   CASE WHEN grouping(f.hall_id) = 0 THEN f.hall_id::text WHEN grouping(f.basic_code) = 0 THEN f.basic_code
                        WHEN grouping(d.department_id) = 0 THEN coalesce(d.department_id::text, '') ELSE '' END AS key,
                   CASE WHEN grouping(f.basic_code) = 0 THEN min(f.item_name) ELSE '' END AS name,
                   coalesce(sum(f.cases), 0)::int AS cases,
                   coalesce(sum(f.open), 0)::int AS open,
                   coalesce(sum(f.overdue), 0)::int AS overdue,
                   coalesce(sum(f.decided), 0)::int AS decided,
                   coalesce(sum(f.on_time), 0)::int AS on_time,
                   (sum(f.working_days_sum)::float8 / nullif(sum(f.decided_counted), 0)) AS average_working_days,
                   coalesce(sum(f.supplemented), 0)::int AS supplemented,
                   (sum(f.visits_sum)::float8 / nullif(sum(f.cases), 0)) AS visits_per_case,
                   coalesce(sum(f.without_visit), 0)::int AS without_visit,
                   coalesce(sum(f.materials_required), 0)::int AS materials_required,
                   coalesce(sum(f.materials_reused), 0)::int AS materials_reused,
                   coalesce(sum(f.repeated), 0)::int AS repeated,
                   coalesce(sum(f.extra_visits), 0)::int AS extra_visits,
                   coalesce(sum(f.second_supplement), 0)::int AS second_supplement
            FROM gov.sup_case_days f
            -- The department implementing each item, from the catalog (a few hundred pairs).
            LEFT JOIN unnest(@codes, @departments) AS d(basic_code, department_id) ON d.basic_code = f.basic_code
            WHERE f.hall_id = ANY(@halls) AND f.day BETWEEN @from AND @to
            GROUP BY GROUPING SETS ((), (f.hall_id), (f.basic_code), (d.department_id))
            """;

    /// <summary>
    /// What the dashboard counts as a card and its drill-down lists, written once for both: one row per case or step and
    /// colour (a case carded on its promised and its statutory deadline is one yellow case, not two), under the
    /// department, hall and item of its latest card. Today "黄牌 2" opened a list of three rows: the count took each
    /// case once, the list each deadline.
    /// </summary>
    private static string CardedWorkSql(bool includeClosed) => $"""
            SELECT DISTINCT ON (k.case_id, k.task_id, k.colour)
                   k.id AS card_id, k.case_id, k.task_id, k.colour, k.department_id, k.hall_id, k.basic_code, k.item_name,
                   k.case_number, k.step_name, k.closed_at
            FROM gov.sup_cards k
            WHERE {(includeClosed ? "" : "k.closed_at IS NULL AND ")}k.hall_id = ANY(@halls)
            ORDER BY k.case_id, k.task_id, k.colour, k.issued_at DESC
            """;

    /// <summary>Open cards by department, hall and item in one pass (<see cref="CardedWorkSql"/>).</summary>
    /// <remarks>Kept in memory per scope until the next deadline sweep (the only writer of cards) commits.</remarks>
    public async Task<CardsByGroup> CardsAsync(IReadOnlySet<Guid> halls, CancellationToken ct)
    {
        var key = ("sup-cards", ScopeKey(halls), (await StampsAsync(ct)).SweepRevision);
        if (cache.TryGetValue(key, out CardsByGroup? hit) && hit is not null)
        {
            return hit;
        }

        var rows = await db.Database.SqlQueryRaw<CardRow>(CardsSql, [Halls(halls)]).ToListAsync(ct);
        IReadOnlyList<CardFigures> Group(string grp) =>
            [.. rows.Where(r => r.Grp == grp).OrderByDescending(r => r.Red).ThenByDescending(r => r.Yellow).Select(r => new CardFigures(r.Key, r.Name, r.Yellow, r.Red))];
        var result = new CardsByGroup(Group("department"), Group("hall"), Group("item"));
        cache.Set(key, result, TimeSpan.FromMinutes(10));
        return result;
    }

    private sealed record CardRow(string Grp, string Key, string Name, int Yellow, int Red);

    // One row per case or step and colour first: counting distinct (case, step) pairs per group instead sorted records
    // three times over and took 50 ms for 5,000 open cards.
    private static readonly string CardsSql = $"""
            WITH k AS ({CardedWorkSql(includeClosed: false)})
            SELECT CASE WHEN grouping(k.department_id) = 0 THEN 'department' WHEN grouping(k.hall_id) = 0 THEN 'hall' ELSE 'item' END AS grp,
                   CASE WHEN grouping(k.department_id) = 0 THEN coalesce(k.department_id::text, '')
                        WHEN grouping(k.hall_id) = 0 THEN k.hall_id::text ELSE k.basic_code END AS key,
                   min(k.item_name) AS name,
                   count(*) FILTER (WHERE k.colour = {(int)CardColour.Yellow})::int AS yellow,
                   count(*) FILTER (WHERE k.colour = {(int)CardColour.Red})::int AS red
            FROM k
            GROUP BY GROUPING SETS ((k.department_id), (k.hall_id), (k.basic_code))
            """;

    /// <summary>
    /// The drill-down behind a card figure: the rows <see cref="CardsAsync"/> counted for one department (an empty key:
    /// the accepting halls), hall or item, or all of them, of one colour or both; with closed cards too for the history.
    /// Each row lists every deadline of its case or step carded in that colour.
    /// </summary>
    public async Task<IReadOnlyList<CardedCase>> CardedCasesAsync(IReadOnlySet<Guid> halls, string? dimension, string? key, CardColour? colour, bool includeClosed, int limit, CancellationToken ct)
    {
        // Conditions from this fixed switch only; the values go in as parameters.
        (string Where, NpgsqlParameter? Value) by = dimension switch
        {
            "department" when string.IsNullOrEmpty(key) => ("w.department_id IS NULL", null),
            "department" when Guid.TryParse(key, out var d) => ("w.department_id = @key", new NpgsqlParameter("key", d)),
            "hall" when Guid.TryParse(key, out var h) => ("w.hall_id = @key", new NpgsqlParameter("key", h)),
            "item" when !string.IsNullOrEmpty(key) => ("w.basic_code = @key", new NpgsqlParameter("key", key)),
            _ => ("true", null),
        };
        var sql = $"""
            WITH w AS ({CardedWorkSql(includeClosed)})
            SELECT w.card_id, w.case_number, w.item_name, w.step_name, w.colour, w.department_id, w.hall_id, w.closed_at IS NOT NULL AS closed,
                   d.deadlines, d.dues, d.issued_on
            FROM w
            CROSS JOIN LATERAL (
                SELECT array_agg(c.deadline ORDER BY c.deadline) AS deadlines, array_agg(c.due_on ORDER BY c.deadline) AS dues, min(c.issued_on) AS issued_on
                FROM gov.sup_cards c
                WHERE c.case_id = w.case_id AND c.task_id = w.task_id AND c.colour = w.colour{(includeClosed ? "" : " AND c.closed_at IS NULL")}) d
            WHERE {by.Where}{(colour is null ? "" : " AND w.colour = @colour")}
            ORDER BY w.colour DESC, d.dues[1], w.case_number
            LIMIT @limit
            """;
        List<object> parameters = [Halls(halls), new NpgsqlParameter("limit", limit)];
        if (by.Value is not null)
        {
            parameters.Add(by.Value);
        }

        if (colour is { } c)
        {
            parameters.Add(new NpgsqlParameter("colour", (int)c));
        }

        var rows = await db.Database.SqlQueryRaw<CardedRow>(sql, [.. parameters]).ToListAsync(ct);
        return rows.ConvertAll(r => new CardedCase(r.CardId, r.CaseNumber, r.ItemName, r.StepName, (CardColour)r.Colour,
            [.. r.Deadlines.Zip(r.Dues, (kind, due) => new CardedDeadline((DeadlineKind)kind, due))], r.IssuedOn, r.Closed, r.DepartmentId, r.HallId));
    }

    private sealed record CardedRow(Guid CardId, string CaseNumber, string ItemName, string StepName, int Colour, Guid? DepartmentId, Guid? HallId, bool Closed, int[] Deadlines, DateOnly[] Dues, DateOnly IssuedOn);

    /// <summary>好差评 of the period per department of the staff rated (<see cref="RatingTally"/>).</summary>
    public async Task<IReadOnlyList<RatingTally>> RatingsByDepartmentAsync(IReadOnlySet<Guid> halls, DashboardFilter filter, CancellationToken ct) =>
        (await CountedRatings(halls, filter)
            .GroupBy(r => r.DepartmentId)
            .Select(g => new { g.Key, Ratings = g.Count(), Good = g.Count(r => r.Level <= Satisfaction.Acceptable) })
            .ToListAsync(ct))
        .ConvertAll(x => new RatingTally(x.Key, x.Ratings, x.Good));

    private sealed record Stamps(DateTimeOffset? FiguresAsOf, long SweepRevision);

    private Stamps? stamps;

    /// <summary>
    /// When the figures were last refreshed (null before the first refresh) and how many sweeps have committed: the
    /// keys of what this class keeps in memory, read once per request in one statement.
    /// </summary>
    private async Task<Stamps> StampsAsync(CancellationToken ct) =>
        stamps ??= await db.Database.SqlQueryRaw<Stamps>(
            """
            SELECT (SELECT max(f.refreshed_at) FROM gov.sup_case_days f) AS figures_as_of,
                   coalesce((SELECT s.revision FROM gov.sup_sweep_state s WHERE s.id = 1), 0) AS sweep_revision
            """).SingleAsync(ct);

    public async Task<IReadOnlyList<FlaggedCase>> FlaggedCasesAsync(IReadOnlySet<Guid> halls, DashboardFilter filter, string? kind, int limit, CancellationToken ct)
    {
        var condition = kind switch
        {
            "repeat" => "g.repeated",
            "visits" => "g.extra_visits",
            "supplement" => "g.second_supplement",
            _ => "(g.repeated OR g.extra_visits OR g.second_supplement)",
        };
        // The condition comes from the fixed switch above, never from the request.
        var sql = """
            SELECT g.number, g.item_name, g.hall_id, g.applied_on, g.repeated, g.extra_visits, g.second_supplement
            FROM gov.int_v_case_flags g
            WHERE g.hall_id = ANY(@halls) AND g.accepted_on BETWEEN @from AND @to AND {0}
            ORDER BY g.accepted_on DESC, g.number
            LIMIT @limit
            """.Replace("{0}", condition, StringComparison.Ordinal);
        return await db.Database.SqlQueryRaw<FlaggedCase>(sql, [.. Parameters(halls, filter), new NpgsqlParameter("limit", limit)]).ToListAsync(ct);
    }

    public async Task<FlaggedCase?> CaseFlagsAsync(string number, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<FlaggedCase>(
            "SELECT g.number, g.item_name, g.hall_id, g.applied_on, g.repeated, g.extra_visits, g.second_supplement FROM gov.int_v_case_flags g WHERE g.number = @number",
            new NpgsqlParameter("number", number)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// What every answer, rating and complaint changes — 好差评 of the period, rectification work orders, open 督办 and
    /// complaints — read live on each page, in one statement.
    /// </summary>
    public async Task<LiveFigures> LiveAsync(IReadOnlySet<Guid> halls, DashboardFilter filter, DateOnly today, CancellationToken ct)
    {
        var row = await db.Database.SqlQueryRaw<LiveRow>(LiveSql, [.. Parameters(halls, filter), new NpgsqlParameter("today", today)]).SingleAsync(ct);
        return new LiveFigures(
            new RatingFigures(row.Ratings, row.Good, row.Bad, row.Voided, row.AverageLevel, row.OpenRectifications, row.OverdueRectifications, row.AwaitingRater),
            row.OpenOrders, row.EscalatedOrders, row.OpenComplaints, row.OverdueComplaints);
    }

    private sealed record LiveRow(int Ratings, int Good, int Bad, int Voided, double? AverageLevel, int OpenRectifications, int OverdueRectifications, int AwaitingRater,
        int OpenOrders, int EscalatedOrders, int OpenComplaints, int OverdueComplaints);

    private static readonly string LiveSql = $"""
            SELECT r.ratings, r.good, r.bad, r.voided, r.average_level,
                   w.open_rectifications, w.overdue_rectifications, w.awaiting_rater,
                   o.open_orders, o.escalated_orders, c.open_complaints, c.overdue_complaints
            FROM (SELECT count(*) FILTER (WHERE s.appeal <> {(int)AppealState.Upheld})::int AS ratings,
                         count(*) FILTER (WHERE s.appeal <> {(int)AppealState.Upheld} AND s.level <= {(int)Satisfaction.Acceptable})::int AS good,
                         count(*) FILTER (WHERE s.appeal <> {(int)AppealState.Upheld} AND s.level >= {(int)Satisfaction.Dissatisfied})::int AS bad,
                         count(*) FILTER (WHERE s.appeal = {(int)AppealState.Upheld})::int AS voided,
                         (avg(s.level) FILTER (WHERE s.appeal <> {(int)AppealState.Upheld}))::float8 AS average_level
                  FROM gov.sup_ratings s
                  WHERE s.hall_id = ANY(@halls) AND s.rated_on BETWEEN @from AND @to) r,
                 (SELECT count(*) FILTER (WHERE s.state IN ({(int)RectificationState.Open}, {(int)RectificationState.Appealed}))::int AS open_rectifications,
                         count(*) FILTER (WHERE s.state = {(int)RectificationState.Open} AND s.due_on < @today)::int AS overdue_rectifications,
                         count(*) FILTER (WHERE s.state = {(int)RectificationState.FedBack})::int AS awaiting_rater
                  FROM gov.sup_rectifications s
                  WHERE s.hall_id = ANY(@halls) AND s.state IN ({(int)RectificationState.Open}, {(int)RectificationState.Appealed}, {(int)RectificationState.FedBack})) w,
                 (SELECT count(*)::int AS open_orders, count(*) FILTER (WHERE s.level > {SupervisionOrder.FirstLevel})::int AS escalated_orders
                  FROM gov.sup_orders s
                  WHERE s.hall_id = ANY(@halls) AND s.state = {(int)OrderState.Open}) o,
                 (SELECT count(*)::int AS open_complaints, count(*) FILTER (WHERE s.due_on < @today)::int AS overdue_complaints
                  FROM gov.sup_complaints s
                  WHERE s.hall_id = ANY(@halls) AND s.state = {(int)ComplaintState.Open}) c
            """;

    /// <summary>The ratings of the halls and period that count (an appeal upheld voids a rating).</summary>
    private IQueryable<Rating> CountedRatings(IReadOnlySet<Guid> halls, DashboardFilter filter) =>
        db.Set<Rating>().AsNoTracking()
            .Where(r => r.HallId != null && halls.Contains(r.HallId.Value) && r.RatedOn >= filter.From && r.RatedOn <= filter.To && r.Appeal != AppealState.Upheld);

    /// <summary>Ratings per member of staff who produced the rated service (谁办理、谁负责).</summary>
    public async Task<IReadOnlyList<StaffRatings>> RatingsByStaffAsync(IReadOnlySet<Guid> halls, DashboardFilter filter, CancellationToken ct) =>
        (await CountedRatings(halls, filter)
            .GroupBy(r => new { r.StaffName, r.DepartmentName })
            .Select(g => new { g.Key.StaffName, g.Key.DepartmentName, Ratings = g.Count(), Good = g.Count(r => r.Level <= Satisfaction.Acceptable), Bad = g.Count(r => r.Level >= Satisfaction.Dissatisfied) })
            .OrderByDescending(x => x.Bad).ThenByDescending(x => x.Ratings)
            .Take(50)
            .ToListAsync(ct))
        .ConvertAll(x => new StaffRatings(x.StaffName, x.DepartmentName, x.Ratings, x.Good, x.Bad));

    /// <summary>The halls of a scope as one cache-key part, whatever order the set enumerates them in.</summary>
    private static string ScopeKey(IReadOnlySet<Guid> halls) => string.Join(',', halls.Order());

    private static NpgsqlParameter Halls(IReadOnlySet<Guid> halls) => new("halls", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = halls.ToArray() };

    private static object[] Parameters(IReadOnlySet<Guid> halls, DashboardFilter filter) =>
        [Halls(halls), new NpgsqlParameter("from", filter.From), new NpgsqlParameter("to", filter.To)];
}
