using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Shared.Files;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Catalog.Admin;

/// <summary>
/// Uploads the blank form (<c>blank</c>, which makes the material a form) or the filled sample (<c>sample</c>) of a
/// draft's material: PDF, Word, Excel or image, checked by content, at most 10 MB.
/// </summary>
public sealed class UploadMaterialFile(GovDbContext db, CatalogEditor editor, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>False when the draft has no such material (or the slot is neither); otherwise the file's problem, null once stored.</summary>
    public async Task<(bool Found, string? Error)> RunAsync(string code, Guid materialId, string slot, IFormFile? file, CancellationToken ct)
    {
        var (_, draft) = await editor.DraftOfAsync(code, ct);
        var material = draft?.Materials.FirstOrDefault(m => m.Id == materialId);
        if (material is null || slot is not ("blank" or "sample"))
        {
            return (false, null);
        }

        var (content, kind, problem) = await UploadRules.ReadAsync(file, _ => true, ct);
        if (problem != UploadRules.Problem.None)
        {
            return (true, l["Admin.Upload." + problem].Value);
        }

        var refined = UploadRules.Refine(kind!, file!.FileName);
        var stored = CatalogFile.From(StoredFileName.For(file.FileName, refined, material.Name, CatalogFile.FileNameMaxLength), refined.ContentType, content, clock.GetUtcNow());
        db.Add(stored);
        if (slot == "blank")
        {
            material.BlankFormFileId = stored.Id;
            material.IsForm = true;
        }
        else
        {
            material.SampleFileId = stored.Id;
        }

        await db.SaveChangesAsync(ct);
        return (true, null);
    }
}
