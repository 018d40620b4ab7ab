using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Contracts;

namespace GovService.Web.Modules.Intake.Controllers;

/// <summary>The item's fields with the answers typed so far (the partial _ApplicationFields, online and at the window).</summary>
public sealed record FieldInputs(IReadOnlyList<PublishedField> Fields, IReadOnlyDictionary<string, string> Values);

/// <summary>The licences an application of <paramref name="Item"/> may replace, and the one chosen (the partial _ReplacesLicence).</summary>
public sealed record LicenceChoice(PublishedItem Item, IReadOnlyList<ReplaceableLicence> Held, Guid Chosen, bool AtWindow = false)
{
    /// <summary>The help and the "none held" note speak to the applicant online, and to the clerk (of the applicant) at the window.</summary>
    public string Words(string part) => (AtWindow ? "Window.Replaces." : "Apply.Replaces.") + part;
}
