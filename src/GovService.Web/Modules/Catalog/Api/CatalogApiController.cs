using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using GovService.Web.Infrastructure.Web;
using GovService.Web.Modules.Catalog.Browse;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.CodeLists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Catalog.Api;

/// <summary>Open data: the published catalog as read-only JSON (and CSV), with paging and ETags.</summary>
[Area(CatalogModule.Name)]
[ApiController]
[AllowAnonymous]
[Route("api/v1/catalog")]
[ETag]
public sealed class CatalogApiController(CatalogQueries queries, IOrganizationDirectory organization) : ControllerBase
{
    /// <summary>Published items, filtered and paged (pageSize at most 100).</summary>
    [HttpGet("items")]
    [ProducesResponseType<ApiPage<ApiItemSummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ApiPage<ApiItemSummary>> Items([MaxLength(200)] string? q, Audience? audience, [MaxLength(50)] string? theme, Guid? department, int? level, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        var result = await queries.SearchAsync(new SearchFilter(q, audience, theme, department, level, page, pageSize), ct);
        return new ApiPage<ApiItemSummary>(result.Items.Select(ApiItemSummary.From).ToList(), result.Page, result.PageSize, result.Total, result.Pages);
    }

    /// <summary>One published item with its materials and application fields; <c>version</c> reads an older published version.</summary>
    [HttpGet("items/{basicCode}")]
    [ProducesResponseType<ApiItem>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ApiItem>> Item(string basicCode, int? version, CancellationToken ct)
    {
        var guide = await queries.GuideAsync(basicCode, version, includeDrafts: false, ct);
        return guide is null ? Problem(statusCode: 404, title: "Not found", detail: $"No published item {basicCode}") : ApiItem.From(guide);
    }

    [HttpGet("bundles")]
    [ProducesResponseType<IReadOnlyList<ApiBundleSummary>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<ApiBundleSummary>> Bundles(CancellationToken ct) =>
        (await queries.BundlesAsync(ct)).Select(b => new ApiBundleSummary(b.Code, b.Name, b.Audience.ToString(), b.Description, b.ItemCodes, $"/services/bundles/{b.Code}")).ToList();

    /// <summary>One bundle (一件事) with its combined, de-duplicated material list and combined form.</summary>
    [HttpGet("bundles/{code}")]
    [ProducesResponseType<ApiBundle>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ApiBundle>> Bundle(string code, CancellationToken ct)
    {
        var b = await queries.BundleAsync(code, ct);
        if (b is null)
        {
            return Problem(statusCode: 404, title: "Not found", detail: $"No bundle {code}");
        }

        return new ApiBundle(
            b.Bundle.Code, b.Bundle.Name, b.Bundle.Audience.ToString(), b.Bundle.Description,
            b.Items.Select(x => new ApiItemSummaryLite(x.Item.BasicCode, x.Version.Name, x.Version.ImplementingBodyName, x.Version.CaseKind, $"/services/{x.Item.BasicCode}")).ToList(),
            b.Materials.Select(m => new ApiCombinedMaterial(m.Name, m.Source.ToString(), m.IssuingBody, m.Originals, m.Copies, m.Required, m.LicenceType.Length == 0 ? null : m.LicenceType, m.NeededBy)).ToList(),
            b.MaterialsBeforeMerge,
            b.Fields.Select(f => new ApiField(f.Key, f.Label, f.Kind.ToString(), f.Required, f.Options, "")).ToList());
    }

    [HttpGet("departments")]
    [ProducesResponseType<IReadOnlyList<ApiDepartment>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<ApiDepartment>> Departments(CancellationToken ct)
    {
        var counts = await queries.ItemsPerDepartmentAsync(ct);
        return (await organization.DepartmentsAsync(ct))
            .Select(d => new ApiDepartment(d.Id, d.Name, d.ShortName, d.CreditCode, d.Phone, d.Address, counts.GetValueOrDefault(d.Id)))
            .ToList();
    }

    /// <summary>Reform figures computed from the published catalog: 网上可办 (online depth ≥ 3), 进驻大厅, 一窗受理, 最多跑一次, 零跑动, 即办件.</summary>
    [HttpGet("figures")]
    [ProducesResponseType<ApiFigures>(StatusCodes.Status200OK)]
    public async Task<ApiFigures> Figures(CancellationToken ct) => ApiFigures.From(await queries.FiguresAsync(ct));

    /// <summary>The published items as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese).</summary>
    [HttpGet("items.csv")]
    [Produces("text/csv")]
    public async Task<IActionResult> Csv(CancellationToken ct)
    {
        static string Unit(TimeUnit unit) => unit == TimeUnit.WorkingDay ? "工作日" : "自然日";
        var items = new List<ItemSummary>();
        var page = 1;
        PageOf<ItemSummary> result;
        do
        {
            result = await queries.SearchAsync(new SearchFilter(Page: page++, PageSize: SearchFilter.MaxPageSize), ct);
            items.AddRange(result.Items);
        }
        while (result.Page < result.Pages);

        var file = Shared.Export.SpreadsheetCsv.Write(
            ["基本编码", "事项名称", "实施主体", "事项类型", "行使层级", "办件类型", "法定时限", "承诺时限", "时限单位", "到现场次数", "网上办理深度", "服务对象", "主题"],
            csv =>
            {
                foreach (var s in items)
                {
                    csv.WriteField(s.BasicCode);
                    csv.WriteField(s.Name);
                    csv.WriteField(s.ImplementingBody);
                    csv.WriteField(CodeLists.ItemTypes.GetValueOrDefault(s.ItemType, ""));
                    csv.WriteField(CodeLists.Levels.GetValueOrDefault(s.Level, ""));
                    csv.WriteField(CodeLists.CaseKinds.GetValueOrDefault(s.CaseKind, ""));
                    csv.WriteField(s.StatutoryLimit);
                    csv.WriteField(s.PromisedLimit);
                    csv.WriteField(Unit(s.PromisedUnit));
                    csv.WriteField(s.VisitsNeeded);
                    csv.WriteField(CodeLists.OnlineDepths.GetValueOrDefault(s.OnlineDepth, ""));
                    csv.WriteField(string.Join("、", s.ServiceObjects.Select(o => CodeLists.ServiceObjects.GetValueOrDefault(o))));
                    csv.WriteField(string.Join("、", s.Themes.Select(CodeLists.ThemeName)));
                    csv.EndRecord();
                }
            });
        return File(file, "text/csv; charset=utf-8", "govservice-catalog.csv");
    }
}
