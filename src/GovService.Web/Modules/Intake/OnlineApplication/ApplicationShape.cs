using System.Security.Cryptography;
using FluentValidation;
using GovService.Web.Infrastructure.Validation;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Intake.OnlineApplication;

/// <summary>An online application form: the key (from the page) makes every post of it the same application.</summary>
public sealed class OnlineApplicationForm
{
    public Guid ApplicationKey { get; set; }
    public string ContactMobile { get; set; } = "";
    public Dictionary<string, string> Fields { get; set; } = [];

    /// <summary>代办 only: the person the agent applies for (a citizen applies for themselves).</summary>
    public string ApplicantName { get; set; } = "";

    public string ApplicantIdNumber { get; set; } = "";

    /// <summary>免提交: the wallet licence chosen for a material slot instead of an upload.</summary>
    public Dictionary<int, Guid> Licences { get; set; } = [];

    /// <summary>变更 / 延续 / 补证 / 换证: the licence the application of an item (by 基本编码) replaces, chosen from the applicant's own.</summary>
    public Dictionary<string, Guid> Replaces { get; set; } = [];

    /// <summary>The form field (and its message's key) choosing the licence an item's application replaces.</summary>
    public static string ReplacesField(string basicCode) => $"Replaces[{basicCode}]";
}

/// <summary>
/// The bounds of an application (a draft is kept with every answer, so the bounds hold for drafts too): the columns'
/// lengths for the contact and the applicant, and the answers' bounds (<see cref="FormAnswers.AnswerMax"/> an answer,
/// <see cref="FormAnswers.AnswersMax"/> all of them).
/// </summary>
internal sealed class OnlineApplicationFormValidator : AbstractValidator<OnlineApplicationForm>
{
    public OnlineApplicationFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.ContactMobile).MaximumLength(20).WithMessage(l["Common.TooLong", 20]);
        RuleFor(f => f.ApplicantName).MaximumLength(50).WithMessage(l["Common.TooLong", 50]);
        RuleFor(f => f.ApplicantIdNumber).MaximumLength(18).WithMessage(l["Common.TooLong", 18]);
        RuleFor(f => f.Fields).Bounded(FormAnswers.AnswerMax, FormAnswers.AnswersMax, l);
        RuleFor(f => f.Replaces).Must(r => r.Count <= ReplacesMax && r.Keys.All(k => k.Length <= 12)).WithMessage(l["Common.TooLong", ReplacesMax]).WithErrorCode(Bounds.ErrorCode);
    }

    /// <summary>A form has one choice of licence per item at most, and a bundle has a handful of items.</summary>
    public const int ReplacesMax = 20;
}

/// <summary>
/// One upload slot of an application form: a material of the item, or for a 一件事 bundle a material that
/// one or several of its items need (asked for once, filed with each case that needs it).
/// </summary>
public sealed record MaterialSlot(int Number, string Name, bool Required, bool DeficiencyAllowed, int Originals, int Copies, IReadOnlyList<(int Item, int Position)> Targets, string LicenceType = "")
{
    /// <summary>Whether a licence of the wallet can stand for this material (its type names the licence).</summary>
    public bool AcceptsLicence(string licenceName) => LicenceType.Length > 0 && licenceName.StartsWith(LicenceType, StringComparison.Ordinal);
}

/// <summary>
/// What an application form is made of: one item, or the items of a bundle with their fields combined by key
/// and their materials combined by name. Each item becomes its own case; a bundle's cases share its key.
/// </summary>
public sealed record ApplicationShape(
    PublishedBundle? Bundle,
    IReadOnlyList<PublishedItem> Items,
    IReadOnlyList<IReadOnlyList<PublishedField>> ItemFields,
    IReadOnlyList<PublishedField> Fields,
    IReadOnlyList<MaterialSlot> Slots)
{
    public string Title => Bundle?.Name ?? Items[0].Name;

    public string PostUrl => Bundle is null ? $"/apply/{Items[0].BasicCode}" : $"/apply/bundle/{Bundle.Code}";

    /// <summary>
    /// The case id of item <paramref name="item"/>: the application key itself for one item; for a bundle a
    /// value derived from the key and the item's code, so every post of the form finds the same cases.
    /// </summary>
    public Guid CaseKey(Guid applicationKey, int item)
    {
        if (Bundle is null)
        {
            return applicationKey;
        }

        Span<byte> input = stackalloc byte[16 + 12];
        applicationKey.TryWriteBytes(input);
        System.Text.Encoding.ASCII.GetBytes(Items[item].BasicCode.AsSpan(0, Math.Min(12, Items[item].BasicCode.Length)), input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80); // RFC 9562 version 8 (name-based, custom)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }

    public static ApplicationShape ForItem(PublishedItem item, IReadOnlyList<PublishedField> fields, IReadOnlyList<PublishedMaterial> materials) =>
        new(null, [item], [fields], fields, materials
            .Select(m => new MaterialSlot(m.Position, m.Name, m.Required, m.DeficiencyAllowed, m.Originals, m.Copies, [(0, m.Position)], m.LicenceType))
            .ToList());

    public static ApplicationShape ForBundle(
        PublishedBundle bundle,
        IReadOnlyList<(PublishedItem Item, IReadOnlyList<PublishedField> Fields, IReadOnlyList<PublishedMaterial> Materials)> items,
        Func<string, string> materialKey)
    {
        var fields = items.SelectMany(x => x.Fields)
            .GroupBy(f => f.Key)
            .Select(g => g.First() with { Required = g.Any(f => f.Required) })
            .ToList();
        var slots = items
            .SelectMany((x, index) => x.Materials.Select(m => (Index: index, Material: m)))
            .GroupBy(x => materialKey(x.Material.Name))
            .Select((g, n) => new MaterialSlot(
                n + 1,
                g.First().Material.Name,
                g.Any(x => x.Material.Required),
                g.Where(x => x.Material.Required).All(x => x.Material.DeficiencyAllowed),
                g.Max(x => x.Material.Originals),
                g.Max(x => x.Material.Copies),
                g.Select(x => (x.Index, x.Material.Position)).ToList(),
                g.Select(x => x.Material.LicenceType).FirstOrDefault(t => t.Length > 0) ?? ""))
            .ToList();
        return new ApplicationShape(bundle, items.Select(x => x.Item).ToList(), items.Select(x => x.Fields).ToList(), fields, slots);
    }
}
