using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Halls;

/// <summary>Creates or edits a service hall: a county centre sits in the county, a township centre in a township, a station in a village.</summary>
public sealed class SaveHall(GovDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<FormError>> RunAsync(HallForm form, CancellationToken ct)
    {
        var region = await db.Set<Region>().FindAsync([form.RegionId], ct);
        var expectedLevel = form.Kind switch
        {
            HallKind.CountyCentre => RegionLevel.County,
            HallKind.TownshipCentre => RegionLevel.Township,
            _ => RegionLevel.Village,
        };
        if (region is null || region.Level != expectedLevel)
        {
            return [new(nameof(form.RegionId), l["Hall.Region.WrongLevel"])];
        }

        var hall = form.Id is { } id ? await db.FindForEditAsync<ServiceHall>(id, form.Version, ct) : db.Add(new ServiceHall()).Entity;
        hall.Name = form.Name.Trim();
        hall.Kind = form.Kind;
        hall.RegionId = form.RegionId;
        hall.Address = form.Address.Trim();
        hall.Phone = form.Phone.Trim();
        hall.OpeningHours = form.OpeningHours.Trim();
        return await db.SaveEditsAsync(l, ct);
    }
}
