using System.Globalization;
using System.Text;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
    int EscalatedOrders);

public sealed record CardListPage(SupervisionViewer Viewer, string? Dimension, string? Key, CardColour? Colour, IReadOnlyList<CardedCase> Cards, IReadOnlyDictionary<Guid, string> HallNames, IReadOnlyDictionary<Guid, string> DepartmentNames);

public sealed record CaseStoryPage(string CaseNumber, IReadOnlyList<Card> Cards, IReadOnlyList<SupervisionOrder> Orders, IReadOnlyDictionary<Guid, string> DepartmentNames);

/// <summary>效能监察 dashboard for supervisors, scoped to their region: figures, cards, drill-down, CSV.</summary>
[Area(SupervisionModule.Name)]
[Authorize(Roles = Roles.Supervisor)]
[Route("supervision")]
public sealed class DashboardController(GovDbContext db, SupervisionScope scopes, DashboardQueries queries, IOrganizationDirectory organization, TimeProvider clock) : Controller
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
        var totals = await queries.CasesAsync(viewer.Halls, filter, "", ct);
        var total = totals.Count > 0 ? totals[0] : null;
        var halls = viewer.Halls;
        var orders = db.Set<SupervisionOrder>().AsNoTracking().Where(o => o.HallId != null && halls.Contains(o.HallId.Value) && o.State == OrderState.Open);
        return View(new DashboardPage(
            viewer, filter, total,
            await queries.CasesAsync(halls, filter, "hall", ct),
            await queries.CasesAsync(halls, filter, "item", ct),
            await queries.CardsAsync(halls, "department", ct),
            await queries.CardsAsync(halls, "hall", ct),
            await queries.CardsAsync(halls, "item", ct),
            await HallNamesAsync(ct),
            await DepartmentNamesAsync(ct),
            await orders.CountAsync(ct),
            await orders.CountAsync(o => o.Level > 0, ct)));
    }

    /// <summary>Drill-down: the carded cases of one department, hall or item (or all), by colour.</summary>
    [HttpGet("cards")]
    public async Task<IActionResult> Cards(string? by, string? key, CardColour? colour, bool history, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is not { IsSupervisor: true })
        {
            return Forbid();
        }

        var cards = await queries.CardedCasesAsync(viewer.Halls, by, key, colour, history, 500, ct);
        return View(new CardListPage(viewer, by, key, colour, cards, await HallNamesAsync(ct), await DepartmentNamesAsync(ct)));
    }

    /// <summary>One case's whole story for the supervisor: every card and every order with its answer.</summary>
    [HttpGet("cases/{number}")]
    public async Task<IActionResult> Case(string number, CancellationToken ct)
    {
        var viewer = await scopes.ForAsync(User, ct);
        if (viewer is not { IsSupervisor: true })
        {
            return Forbid();
        }

        var halls = viewer.Halls;
        var cards = await db.Set<Card>().AsNoTracking().Where(c => c.CaseNumber == number && c.HallId != null && halls.Contains(c.HallId.Value)).OrderBy(c => c.IssuedAt).ToListAsync(ct);
        if (cards.Count == 0)
        {
            return NotFound();
        }

        var orders = await db.Set<SupervisionOrder>().AsNoTracking().Where(o => o.CaseNumber == number).OrderBy(o => o.IssuedAt).ToListAsync(ct);
        return View(new CaseStoryPage(number, cards, orders, await DepartmentNamesAsync(ct)));
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
        var cards = (await queries.CardsAsync(viewer.Halls, "hall", ct)).ToDictionary(c => c.Key);
        var csv = new StringBuilder();
        csv.AppendLine("period_from,period_to,group,hall_or_item,cases,open,decided,on_time,on_time_rate,avg_working_days,supplement_rate,visits_per_case,without_visit_share,open_yellow_cards,open_red_cards");
        void Row(string group, string name, CaseFigures f, CardFigures? c) =>
            csv.AppendLine(string.Join(',', filter.From.ToString("yyyy-MM-dd"), filter.To.ToString("yyyy-MM-dd"), group, Csv(name), f.Cases, f.Open, f.Decided, f.OnTime,
                Number(f.OnTimeRate), Number(f.AverageWorkingDays), Number(f.SupplementRate), Number(f.VisitsPerCase), Number(f.WithoutVisitShare), c?.Yellow ?? 0, c?.Red ?? 0));
        foreach (var f in await queries.CasesAsync(viewer.Halls, filter, "hall", ct))
        {
            Row("hall", Guid.TryParse(f.Key, out var h) && names.TryGetValue(h, out var n) ? n : f.Key, f, cards.GetValueOrDefault(f.Key));
        }

        foreach (var f in await queries.CasesAsync(viewer.Halls, filter, "item", ct))
        {
            Row("item", $"{f.Key} {f.Name}", f, null);
        }

        // With a byte-order mark: Excel (what the supervisors open it in) then reads the Chinese names correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"supervision-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv");
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

    private static string Csv(string value) => value.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
