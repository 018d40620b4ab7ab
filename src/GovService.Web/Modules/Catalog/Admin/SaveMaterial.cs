using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Domain;

namespace GovService.Web.Modules.Catalog.Admin;

/// <summary>Adds a material to the draft (last in the list) or edits one of its materials; false when the draft has no such material.</summary>
public sealed class SaveMaterial(GovDbContext db)
{
    public async Task<bool> RunAsync(ItemVersion draft, MaterialForm form, CancellationToken ct)
    {
        var material = form.Id is { } id ? draft.Materials.FirstOrDefault(m => m.Id == id) : null;
        if (form.Id is not null && material is null)
        {
            return false;
        }

        if (material is null)
        {
            material = new Material { VersionId = draft.Id, Position = draft.Materials.Count == 0 ? 1 : draft.Materials.Max(m => m.Position) + 1 };
            db.Add(material);
        }

        material.Name = form.Name.Trim();
        material.Source = form.Source;
        material.IssuingBody = form.IssuingBody.Trim();
        material.Originals = form.Originals;
        material.Copies = form.Copies;
        material.Required = form.Required;
        material.DeficiencyAllowed = form.DeficiencyAllowed;
        material.Instructions = form.Instructions.Trim();
        material.CommonMistakes = form.CommonMistakes.Trim();
        material.LicenceType = form.LicenceType.Trim();
        material.IsForm = form.IsForm;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
