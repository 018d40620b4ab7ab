using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Supervision.Controllers;

public sealed record DashboardPage(
    SupervisionViewer Viewer,
    DashboardFilter Filter,
    CaseFigures? Total,
    IReadOnlyList<CaseFigures> ByHall,
    IReadOnlyList<CaseFigures> ByItem,
    IReadOnlyList<CardFigures> CardsByDepartment,
    IReadOnlyList<CardFigures> CardsByHall,
    IReadOnlyList<CardFigures> CardsByItem,
    IReadOnlyList<DepartmentFigures> Departments,
    IReadOnlyDictionary<Guid, string> HallNames,
    IReadOnlyDictionary<Guid, string> DepartmentNames,
    int OpenOrders,
    int EscalatedOrders,
    FlagFigures Flags,
    RatingFigures Ratings,
    IReadOnlyList<ReformFigure> Reform,
    int OpenComplaints,
    int OverdueComplaints,
    DateTimeOffset? FiguresAsOf)
{
    /// <summary>代办: the network's figures over the supervisor's region (per level and agent).</summary>
    public Assistance.Contracts.AgentFigureSet? Agents { get; init; }
}

/// <summary>One reform figure against the county's goal; <see cref="Basis"/> says whether it counts items or cases.</summary>
public sealed record ReformFigure(string Name, string Basis, int Part, int Whole, int GoalPercent)
{
    public double? Share => Whole == 0 ? null : (double)Part / Whole;

    public bool Met => Share is { } s && s * 100 >= GoalPercent;
}

public sealed record FlagListPage(DashboardFilter Filter, string? Kind, IReadOnlyList<FlaggedCase> Cases, IReadOnlyDictionary<Guid, string> HallNames);

public sealed record RatingsPage(DashboardFilter Filter, RatingFigures Figures, IReadOnlyList<StaffRatings> ByStaff, IReadOnlyList<Rating> Bad);

public sealed record CardListPage(SupervisionViewer Viewer, string? Dimension, string? Key, CardColour? Colour, IReadOnlyList<CardedCase> Cards, IReadOnlyDictionary<Guid, string> HallNames, IReadOnlyDictionary<Guid, string> DepartmentNames)
{
    /// <summary>The most rows the drill-down lists.</summary>
    public const int Limit = 500;
}

public sealed record CaseStoryPage(string CaseNumber, FlaggedCase Flags, IReadOnlyList<Card> Cards, IReadOnlyList<SupervisionOrder> Orders, IReadOnlyList<Rating> Ratings, IReadOnlyDictionary<Guid, string> DepartmentNames);

/// <summary>效能监察 dashboard for supervisors, scoped to their region: figures, cards, drill-down, CSV.</summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = Roles.Supervisor)]
[Route("supervision")]
public sealed class DashboardController(
    SupervisionScope scopes,
    DashboardQueries queries,
    CaseStoryQueries stories,
    IOrganizationDirectory organization,
    ICatalogDirectory catalog,
    Assistance.Contracts.IAgentFigures agentFigures,
    IOptions<SupervisionOptions> options,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is not { IsSupervisor: true })
        {
            return Forbid();
        }

        var filter = Period(from, to);
        var rolled = await queries.RolledUpAsync(viewer.Halls, filter, ct);
        var cards = await queries.CardsAsync(viewer.Halls, ct);
        var live = await queries.LiveAsync(viewer.Halls, filter, clock.Today(), ct);
        return View(new DashboardPage(
            viewer, filter, rolled.Total,
            rolled.ByHall,
            rolled.ByItem,
            cards.ByDepartment,
            cards.ByHall,
            cards.ByItem,
            DepartmentFigures.Table(cards.ByDepartment, rolled.ByDepartment, await queries.RatingsByDepartmentAsync(viewer.Halls, filter, ct)),
            await HallNamesAsync(ct),
            await DepartmentNamesAsync(ct),
            live.OpenOrders,
            live.EscalatedOrders,
            rolled.Flags,
            live.Ratings,
            await ReformAsync(rolled.Total, ct),
            live.OpenComplaints,
            live.OverdueComplaints,
            rolled.AsOf)
        {
            Agents = viewer.Staff.RegionId is { } region ? await agentFigures.FiguresAsync(region, filter.From, filter.To, ct) : null,
        });
    }

    /// <summary>The reform targets: item figures from the published catalog, case figures from the period's cases.</summary>
    private async Task<IReadOnlyList<ReformFigure>> ReformAsync(CaseFigures? total, CancellationToken ct)
    {
        var items = await catalog.FiguresAsync(ct);
        var goals = options.Value.Targets;
        return
        [
            new("OnlineDoable", "Items", items.OnlineDoable, items.Items, goals.OnlineDoable),
            new("OneWindow", "Items", items.OneWindow, items.InHall, goals.OneWindow),
            new("NoVisit", "Cases", total?.WithoutVisit ?? 0, total?.Cases ?? 0, goals.NoVisit),
            new("AtMostOneVisit", "Items", items.AtMostOneVisit, items.Items, goals.AtMostOneVisit),
            new("MaterialReuse", "Materials", total?.MaterialsReused ?? 0, total?.MaterialsRequired ?? 0, goals.MaterialReuse),
        ];
    }

    /// <summary>Drill-down: the flagged cases of the period (重复申请, 多跑, 二次补正).</summary>
    [HttpGet("flags")]
    public async Task<IActionResult> Flags(DateOnly? from, DateOnly? to, [MaxLength(50)] string? kind, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is not { IsSupervisor: true })
        {
            return Forbid();
        }

        var filter = Period(from, to);
        var known = kind is "repeat" or "visits" or "supplement" ? kind : null;
        return View(new FlagListPage(filter, known, await queries.FlaggedCasesAsync(viewer.Halls, filter, known, 500, ct), await HallNamesAsync(ct)));
    }

    /// <summary>好差评 of the region: figures, ratings per member of staff, the bad ratings with their work orders.</summary>
    [HttpGet("ratings")]
    public async Task<IActionResult> Ratings(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is not { IsSupervisor: true })
        {
            return Forbid();
        }

        var filter = Period(from, to);
        var halls = viewer.Halls;
        var bad = await stories.BadRatingsAsync(halls, filter, ct);
        return View(new RatingsPage(filter, (await queries.LiveAsync(halls, filter, clock.Today(), ct)).Ratings, await queries.RatingsByStaffAsync(halls, filter, ct), bad));
    }

    /// <summary>Drill-down: the carded cases of one department, hall or item (or all), by colour.</summary>
    [HttpGet("cards")]
    public async Task<IActionResult> Cards([MaxLength(50)] string? by, [MaxLength(100)] string? key, CardColour? colour, bool history, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is not { IsSupervisor: true })
        {
            return Forbid();
        }

        var cards = await queries.CardedCasesAsync(viewer.Halls, by, key, colour, history, CardListPage.Limit, ct);
        return View(new CardListPage(viewer, by, key, colour, cards, await HallNamesAsync(ct), await DepartmentNamesAsync(ct)));
    }

    /// <summary>One case's whole story for the supervisor: flags, every card and order with its answer, the ratings.</summary>
    [HttpGet("cases/{number}")]
    public async Task<IActionResult> Case(string number, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is not { IsSupervisor: true })
        {
            return Forbid();
        }

        var flags = await queries.CaseFlagsAsync(number, ct);
        if (flags?.HallId is not { } hall || !viewer.Halls.Contains(hall))
        {
            return NotFound();
        }

        var (cards, orders, ratings) = await stories.OfCaseAsync(number, ct);
        return View(new CaseStoryPage(number, flags, cards, orders, ratings, await DepartmentNamesAsync(ct)));
    }

    /// <summary>
    /// The figures as a spreadsheet: one row per department (the dashboard's table), hall and item, headers and group
    /// names in the user's language, rates as percentages like the page, UTF-8 with a byte-order mark for Excel.
    /// </summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is not { IsSupervisor: true })
        {
            return Forbid();
        }

        var filter = Period(from, to);
        var halls = await HallNamesAsync(ct);
        var departments = await DepartmentNamesAsync(ct);
        var cards = await queries.CardsAsync(viewer.Halls, ct);
        var rolled = await queries.RolledUpAsync(viewer.Halls, filter, ct);
        var table = DepartmentFigures.Table(cards.ByDepartment, rolled.ByDepartment, await queries.RatingsByDepartmentAsync(viewer.Halls, filter, ct));
        var hallCards = cards.ByHall.ToDictionary(c => c.Key);
        var itemCards = cards.ByItem.ToDictionary(c => c.Key);
        var agents = viewer.Staff.RegionId is { } region ? await agentFigures.FiguresAsync(region, filter.From, filter.To, ct) : null;
        string[] header =
        [
            "Supervision.Csv.From", "Supervision.Csv.To", "Supervision.Csv.Group", "Supervision.Csv.Name", "Supervision.Kpi.Cases", "Supervision.Col.Open",
            "Supervision.Col.Overdue", "Supervision.Csv.Decided", "Supervision.Csv.OnTime", "Supervision.Kpi.OnTime", "Supervision.Col.Days",
            "Supervision.Col.Supplement", "Supervision.Kpi.Visits", "Supervision.Csv.WithoutVisit", "Supervision.Col.Yellow", "Supervision.Col.Red",
            "Supervision.Col.Satisfied", "Supervision.Col.RatingCount",
        ];
        var file = Shared.Export.SpreadsheetCsv.Write(
            [.. header.Select(h => l[h].Value)],
            csv =>
            {
                void Row(string group, string name, CaseFigures? f, CardFigures? c, RatingTally? r)
                {
                    csv.WriteField(filter.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    csv.WriteField(filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    csv.WriteField(l[group].Value);
                    csv.WriteField(name);
                    foreach (var count in new[] { f?.Cases, f?.Open, f?.Overdue, f?.Decided, f?.OnTime })
                    {
                        csv.WriteField(count?.ToString(CultureInfo.InvariantCulture) ?? "");
                    }

                    csv.WriteField(FigureText.Percent(f?.OnTimeRate, ""));
                    csv.WriteField(FigureText.Average(f?.AverageWorkingDays, ""));
                    csv.WriteField(FigureText.Percent(f?.SupplementRate, ""));
                    csv.WriteField(FigureText.Average(f?.VisitsPerCase, ""));
                    csv.WriteField(FigureText.Percent(f?.WithoutVisitShare, ""));
                    csv.WriteField(c?.Yellow ?? 0);
                    csv.WriteField(c?.Red ?? 0);
                    csv.WriteField(FigureText.Percent(r?.SatisfiedShare, ""));
                    csv.WriteField(r?.Ratings.ToString(CultureInfo.InvariantCulture) ?? "");
                    csv.EndRecord();
                }

                foreach (var d in table)
                {
                    Row("Supervision.Csv.Group.Department", DepartmentName(departments, d.Key), d.Cases, d.Cards, d.Ratings);
                }

                foreach (var f in rolled.ByHall)
                {
                    Row("Supervision.Csv.Group.Hall", Guid.TryParse(f.Key, out var h) && halls.TryGetValue(h, out var n) ? n : f.Key, f, hallCards.GetValueOrDefault(f.Key), null);
                }

                foreach (var f in rolled.ByItem)
                {
                    Row("Supervision.Csv.Group.Item", $"{f.Key} {f.Name}", f, itemCards.GetValueOrDefault(f.Key), null);
                }

                // 代办: the network's own figures, a section of their own under a header of their own.
                if (agents is not null)
                {
                    // Every record has the file's width (RFC 4180): a blank line between the sections, then the section's own
                    // header and rows, padded with empty cells.
                    void End(int written)
                    {
                        for (var i = written; i < header.Length; i++)
                        {
                            csv.WriteField("");
                        }

                        csv.EndRecord();
                    }

                    End(0);
                    foreach (var h in AgentHeader)
                    {
                        csv.WriteField(l[h].Value);
                    }

                    End(AgentHeader.Length);
                    foreach (var (group, line) in agents.Levels.Select(x => ("Supervision.Csv.Group.AgentLevel", x)).Concat(agents.Agents.Select(x => ("Supervision.Csv.Group.Agent", x))))
                    {
                        csv.WriteField(filter.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        csv.WriteField(filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        csv.WriteField(l[group].Value);
                        csv.WriteField(line.Level);
                        csv.WriteField(line.AgentName);
                        foreach (var count in new[] { line.Requests, line.Done, line.OnTime })
                        {
                            csv.WriteField(count);
                        }

                        csv.WriteField(FigureText.Percent(line.Done == 0 ? null : line.OnTimeRate / 100, ""));
                        csv.WriteField(line.VisitsSaved);
                        csv.WriteField(line.FollowUps);
                        csv.WriteField(FigureText.Percent(line.FollowUps == 0 ? null : line.SatisfiedRate / 100, ""));
                        csv.WriteField(line.Open);
                        csv.WriteField(line.RedCards);
                        End(AgentHeader.Length);
                    }
                }
            });
        return File(file, "text/csv; charset=utf-8", $"supervision-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv");
    }

    /// <summary>The columns of the CSV's 代办 section.</summary>
    private static readonly string[] AgentHeader =
    [
        "Supervision.Csv.From", "Supervision.Csv.To", "Supervision.Csv.Group", "Assistance.Col.Level", "Assistance.Col.Agent", "Assistance.Col.Requests",
        "Assistance.Col.Done", "Assistance.Col.OnTime", "Assistance.Col.OnTimeRate", "Assistance.Col.VisitsSaved", "Assistance.Col.FollowUps",
        "Assistance.Col.Satisfied", "Assistance.Col.Open", "Assistance.Col.Red",
    ];

    /// <summary>A department's name; the empty key is the accepting halls (work no department holds, window staff).</summary>
    private string DepartmentName(IReadOnlyDictionary<Guid, string> names, string key) =>
        Guid.TryParse(key, out var d) && names.TryGetValue(d, out var n) ? n : l["Supervision.Departments.Halls"].Value;

    private DashboardFilter Period(DateOnly? from, DateOnly? to)
    {
        var today = clock.Today();
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        return start > end ? new DashboardFilter(end, start) : new DashboardFilter(start, end);
    }

    private async Task<IReadOnlyDictionary<Guid, string>> HallNamesAsync(CancellationToken ct) => (await organization.HallsAsync(ct)).ToDictionary(h => h.Id, h => h.Name);

    private async Task<IReadOnlyDictionary<Guid, string>> DepartmentNamesAsync(CancellationToken ct) => (await organization.DepartmentsAsync(ct)).ToDictionary(d => d.Id, d => d.Name);

}
