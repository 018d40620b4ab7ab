using GovService.Web.Modules.Catalog.Contracts;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.Domain;

/// <summary>A case's application form as staff and the applicant read it: labels of the version it was filed under, typed values.</summary>
public sealed class CaseAnswers(ICatalogDirectory catalog, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<FieldAnswer>> ForAsync(Case c, CancellationToken ct) =>
        c.FormData.Count == 0 ? [] : FieldAnswers.Describe(await catalog.FieldsAsync(c.ItemVersionId, ct), c.FormData, l);
}
