using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Catalog.Contracts;

/// <summary>
/// 可受理地点 (通办范围 inside the county, 收受分离): the kinds of hall whose window may take an application for an item in
/// and do its formal and identity check, whatever department decides it. The county centre, the township centres, the
/// village stations, in any combination but never none.
/// </summary>
[Flags]
public enum ReceivingPlaces
{
    None = 0,
    CountyCentre = 1,
    TownshipCentre = 2,
    VillageStation = 4,
    All = CountyCentre | TownshipCentre | VillageStation,
}

public static class ReceivingPlacesRules
{
    /// <summary>Whether a hall of <paramref name="kind"/> may receive an item with these places.</summary>
    public static bool Admit(this ReceivingPlaces places, HallKind kind) => kind switch
    {
        HallKind.CountyCentre => places.HasFlag(ReceivingPlaces.CountyCentre),
        HallKind.TownshipCentre => places.HasFlag(ReceivingPlaces.TownshipCentre),
        HallKind.VillageStation => places.HasFlag(ReceivingPlaces.VillageStation),
        _ => false,
    };

    /// <summary>The places one by one, county first (for a guide's list and a form's boxes).</summary>
    public static IEnumerable<ReceivingPlaces> Each(this ReceivingPlaces places) =>
        new[] { ReceivingPlaces.CountyCentre, ReceivingPlaces.TownshipCentre, ReceivingPlaces.VillageStation }.Where(p => places.HasFlag(p));
}
