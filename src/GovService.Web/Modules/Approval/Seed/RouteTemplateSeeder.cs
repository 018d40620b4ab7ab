using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Approval.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Approval.Seed;

/// <summary>
/// Routing templates of the demo county: the food licence is reviewed and decided by 市场监管局 in two
/// steps; an outdoor advertising permit is reviewed by 住建局 and 市场监管局 together (会签) and decided by
/// 住建局. Other 承诺件 are decided in one step by their implementing department.
/// </summary>
internal sealed class RouteTemplateSeeder(GovDbContext db, IOrganizationDirectory organization, TimeProvider clock) : ISeeder
{
    public int Order => 45;

    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.Demo || await db.Set<RouteTemplate>().AnyAsync(cancellationToken))
        {
            return;
        }

        var departments = (await organization.DepartmentsAsync(cancellationToken)).ToDictionary(d => d.ShortName, d => d.Id);
        if (!departments.TryGetValue("市场监管局", out var market) || !departments.TryGetValue("住建局", out var housing))
        {
            return;
        }

        db.Add(Template("000104004000",
            Step(1, StageMode.One, "材料审查", market, 2),
            Step(2, StageMode.One, "审批决定", market, 3, decides: true)));
        db.Add(Template("000108002000",
            Step(1, StageMode.AllOf, "设置安全审查", housing, 2),
            Step(1, StageMode.AllOf, "广告内容审查", market, 2),
            Step(2, StageMode.One, "审批决定", housing, 3, decides: true)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private RouteTemplate Template(string basicCode, params RouteStep[] steps) =>
        new() { BasicCode = basicCode, Version = 1, IsCurrent = true, CreatedAt = clock.GetUtcNow().ToUniversalTime(), CreatedBy = "seed", Steps = [.. steps] };

    private static RouteStep Step(int stage, StageMode mode, string name, Guid department, int days, bool decides = false) =>
        new() { Stage = stage, Mode = mode, Name = name, DepartmentId = department, LimitWorkingDays = days, Decides = decides };
}
