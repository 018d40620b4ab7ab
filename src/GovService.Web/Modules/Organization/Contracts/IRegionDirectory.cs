namespace GovService.Web.Modules.Organization.Contracts;

/// <summary>行使层级 of a region, as GB/T 39046 A.2 numbers them (4 county, 5 township, 6 village).</summary>
public enum RegionTier
{
    County = 4,
    Township = 5,
    Village = 6,
}

/// <summary>A region with its parent (null for the county).</summary>
public sealed record RegionInfo(Guid Id, string Code, string Name, RegionTier Tier, Guid? ParentId);

/// <summary>An agent (代办员 / 首席服务官) and the region they serve.</summary>
public sealed record AgentInfo(Guid UserId, string Name, string Title, string Phone, Guid RegionId);

/// <summary>The county's regions and its agents: the three-level 代办 network (村、乡镇、县).</summary>
public interface IRegionDirectory
{
    /// <summary>Every region, the county first, then townships and villages by code.</summary>
    Task<IReadOnlyList<RegionInfo>> RegionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every member of staff with the agent role, with their region.</summary>
    Task<IReadOnlyList<AgentInfo>> AgentsAsync(CancellationToken cancellationToken = default);

    /// <summary>The service halls in a region, the county centre first (a village has its station only).</summary>
    Task<IReadOnlyList<HallInfo>> HallsOfRegionAsync(Guid regionId, CancellationToken cancellationToken = default);
}
