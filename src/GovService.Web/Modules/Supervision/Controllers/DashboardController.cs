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
    IReadOnlyDictionary<Guid, string> HallNames,
    IReadOnlyDictionary<Guid, string> DepartmentNames,
    int OpenOrders,
    int EscalatedOrders,
    FlagFigures Flags,
    RatingFigures Ratings,
    IReadOnlyList<ReformFigure> Reform,
    int OpenComplaints,
    int OverdueComplaints,
    DateTimeOffset? FiguresAsOf);

/// <summary>One reform figure against the county's goal; <see cref="Basis"/> says whether it counts items or cases.</summary>
public sealed record ReformFigure(string Name, string Basis, int Part, int Whole, int GoalPercent)
{
    public double? Share => Whole == 0 ? null : (double)Part / Whole;

    public bool Met => Share is { } s && s * 100 >= GoalPercent;
}

public sealed record FlagListPage(DashboardFilter Filter, string? Kind, IReadOnlyList<FlaggedCase> Cases, IReadOnlyDictionary<Guid, string> HallNames);

public sealed record RatingsPage(DashboardFilter Filter, RatingFigures Figures, IReadOnlyList<StaffRatings> ByStaff, IReadOnlyList<Rating> Bad);

public sealed record CardListPage(SupervisionViewer Viewer, string? Dimension, string? Key, CardColour? Colour, IReadOnlyList<CardedCase> Cards, IReadOnlyDictionary<Guid, string> HallNames, IReadOnlyDictionary<Guid, string> DepartmentNames);

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
    IOptions<SupervisionOptions> options,
    TimeProvider clock) : Controller
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
            await HallNamesAsync(ct),
            await DepartmentNamesAsync(ct),
            live.OpenOrders,
            live.EscalatedOrders,
            rolled.Flags,
            live.Ratings,
            await ReformAsync(rolled.Total, ct),
            live.OpenComplaints,
            live.OverdueComplaints,
            rolled.AsOf));
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

        var cards = await queries.CardedCasesAsync(viewer.Halls, by, key, colour, history, 500, ct);
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

    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is not { IsSupervisor: true })
        {
            return Forbid();
        }

        var filter = Period(from, to);
        var names = await HallNamesAsync(ct);
        var cards = (await queries.CardsAsync(viewer.Halls, ct)).ByHall.ToDictionary(c => c.Key);
        var rolled = await queries.RolledUpAsync(viewer.Halls, filter, ct);
        var file = Shared.Export.SpreadsheetCsv.Write(
            ["period_from", "period_to", "group", "hall_or_item", "cases", "open", "decided", "on_time", "on_time_rate", "avg_working_days", "supplement_rate", "visits_per_case", "without_visit_share", "open_yellow_cards", "open_red_cards"],
            csv =>
            {
                void Row(string group, string name, CaseFigures f, CardFigures? c)
                {
                    csv.WriteField(filter.From);
                    csv.WriteField(filter.To);
                    csv.WriteField(group);
                    csv.WriteField(name);
                    csv.WriteField(f.Cases);
                    csv.WriteField(f.Open);
                    csv.WriteField(f.Decided);
                    csv.WriteField(f.OnTime);
                    csv.WriteField(Number(f.OnTimeRate));
                    csv.WriteField(Number(f.AverageWorkingDays));
                    csv.WriteField(Number(f.SupplementRate));
                    csv.WriteField(Number(f.VisitsPerCase));
                    csv.WriteField(Number(f.WithoutVisitShare));
                    csv.WriteField(c?.Yellow ?? 0);
                    csv.WriteField(c?.Red ?? 0);
                    csv.EndRecord();
                }

                foreach (var f in rolled.ByHall)
                {
                    Row("hall", Guid.TryParse(f.Key, out var h) && names.TryGetValue(h, out var n) ? n : f.Key, f, cards.GetValueOrDefault(f.Key));
                }

                foreach (var f in rolled.ByItem)
                {
                    Row("item", $"{f.Key} {f.Name}", f, null);
                }
            });
        return File(file, "text/csv; charset=utf-8", $"supervision-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv");
    }

    private DashboardFilter Period(DateOnly? from, DateOnly? to)
    {
        var today = clock.Today();
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        return start > end ? new DashboardFilter(end, start) : new DashboardFilter(start, end);
    }

    private async Task<IReadOnlyDictionary<Guid, string>> HallNamesAsync(CancellationToken ct) => (await organization.HallsAsync(ct)).ToDictionary(h => h.Id, h => h.Name);

    private async Task<IReadOnlyDictionary<Guid, string>> DepartmentNamesAsync(CancellationToken ct) => (await organization.DepartmentsAsync(ct)).ToDictionary(d => d.Id, d => d.Name);

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

}
