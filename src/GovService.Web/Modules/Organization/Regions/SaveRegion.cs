using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Organization.Regions;

/// <summary>Creates or edits a region: its code is unique and lies under its parent's, which is one level up.</summary>
public sealed class SaveRegion(GovDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<FormError>> RunAsync(RegionForm form, CancellationToken ct)
    {
        var errors = new List<FormError>();
        if (await db.Set<Region>().AnyAsync(r => r.Code == form.Code && r.Id != form.Id, ct))
        {
            errors.Add(new(nameof(form.Code), l["Region.Code.Taken"]));
        }

        if (form.ParentId is { } parentId)
        {
            var parent = await db.Set<Region>().FindAsync([parentId], ct);
            var expectedParentLevel = form.Level == RegionLevel.Village ? RegionLevel.Township : RegionLevel.County;
            if (parent is null || parent.Level != expectedParentLevel || parent.Id == form.Id)
            {
                errors.Add(new(nameof(form.ParentId), l["Region.Parent.WrongLevel"]));
            }
            else if (!form.Code.StartsWith(parent.Code[..(parent.Level == RegionLevel.County ? 6 : 9)], StringComparison.Ordinal))
            {
                errors.Add(new(nameof(form.Code), l["Region.Code.NotUnderParent", parent.Code]));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var region = form.Id is { } id ? await db.FindForEditAsync<Region>(id, form.Version, ct) : db.Add(new Region()).Entity;
        region.Code = form.Code;
        region.Name = form.Name.Trim();
        region.Level = form.Level;
        region.ParentId = form.ParentId;
        return await db.SaveEditsAsync(l, ct);
    }
}
