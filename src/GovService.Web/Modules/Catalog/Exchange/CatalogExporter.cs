using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Shared.CodeLists;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Catalog.Exchange;

/// <summary>Writes the whole catalog (each item's current version: published, else its draft) with its files, in the import format.</summary>
public sealed class CatalogExporter(GovDbContext db)
{
    public async Task<CatalogDocument> ExportAsync(CancellationToken ct)
    {
        var items = await db.Set<ServiceItem>().AsNoTracking().OrderBy(i => i.BasicCode).ToListAsync(ct);
        var versions = await db.Set<ItemVersion>().AsNoTracking()
            .Include(v => v.Materials).Include(v => v.Fields)
            .Where(v => v.Status == VersionStatus.Published || v.Status == VersionStatus.Draft)
            .ToListAsync(ct);
        var fileIds = versions.SelectMany(v => v.Materials).SelectMany(m => new[] { m.BlankFormFileId, m.SampleFileId }).OfType<Guid>().Distinct().ToList();
        var files = await db.Set<CatalogFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);

        var document = new CatalogDocument();
        foreach (var item in items)
        {
            var current = versions.Where(v => v.ItemId == item.Id).OrderBy(v => v.Status == VersionStatus.Published ? 0 : 1).FirstOrDefault();
            if (current is not null)
            {
                document.Items.Add(ToDto(item, current, files));
            }
        }

        document.Bundles = await db.Set<Bundle>().AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new BundleDto { Code = b.Code, Name = b.Name, Audience = b.Audience.ToString(), Description = b.Description, Items = b.ItemCodes.ToList() })
            .ToListAsync(ct);
        return document;
    }

    private static ItemDto ToDto(ServiceItem item, ItemVersion v, IReadOnlyDictionary<Guid, CatalogFile> files) => new()
    {
        BasicCode = item.BasicCode,
        ImplementationCode = item.ImplementationCode,
        Name = v.Name,
        ItemType = v.ItemType,
        Level = v.Level,
        ImplementingBodyCode = v.ImplementingBodyCode,
        ImplementingBodyName = v.ImplementingBodyName,
        ImplementingBodyNature = v.ImplementingBodyNature,
        BusinessCode = v.BusinessCode,
        LegalBasis = v.LegalBasis,
        Conditions = v.Conditions,
        Process = v.Process,
        StatutoryLimit = new LimitDto { Value = v.StatutoryLimit, Unit = v.StatutoryUnit.ToString(), Note = v.StatutoryNote },
        PromisedLimit = new LimitDto { Value = v.PromisedLimit, Unit = v.PromisedUnit.ToString(), Note = v.PromisedNote },
        CaseKind = v.CaseKind,
        ServiceObjects = [.. v.ServiceObjects],
        Themes = [.. v.Themes],
        Keywords = [.. v.Keywords],
        Channels = [.. v.Channels],
        Fees = v.Fees.Select(f => new FeeDto { Name = f.Name, Standard = f.Standard, Basis = f.Basis, Reduction = f.Reduction }).ToList(),
        Place = v.Place,
        Hours = v.Hours,
        ConsultPhone = v.ConsultPhone,
        SupervisionPhone = v.SupervisionPhone,
        Faq = v.Faq.Select(q => new FaqDto { Question = q.Text, Answer = q.Answer }).ToList(),
        CommonMistakes = v.CommonMistakes,
        VisitsNeeded = v.VisitsNeeded,
        OnlineDepth = v.OnlineDepth,
        InHall = v.InHall,
        WindowCategory = v.WindowCategory.ToString(),
        SupportsAppointment = v.SupportsAppointment,
        SupportsOnlinePayment = v.SupportsOnlinePayment,
        SupportsCourier = v.SupportsCourier,
        Scope = v.Scope.ToString(),
        ReceivingPlaces = [.. Contracts.ReceivingPlacesRules.Each(v.ReceivingPlaces).Select(p => p.ToString())],
        QuantityLimit = v.QuantityLimit,
        ResultType = v.ResultType.ToString(),
        ResultName = v.ResultName,
        Frequency = v.Frequency.ToString(),
        BusinessKind = v.BusinessKind.ToString(),
        Version = v.Number,
        Status = v.Status.ToString(),
        Materials = v.Materials.OrderBy(m => m.Position).Select(m => new MaterialDto
        {
            Name = m.Name,
            Source = m.Source.ToString(),
            IssuingBody = m.IssuingBody,
            Originals = m.Originals,
            Copies = m.Copies,
            Required = m.Required,
            DeficiencyAllowed = m.DeficiencyAllowed,
            Instructions = m.Instructions,
            CommonMistakes = m.CommonMistakes,
            LicenceType = string.IsNullOrEmpty(m.LicenceType) ? null : m.LicenceType,
            BlankFormFile = File(m.BlankFormFileId, files),
            SampleFile = File(m.SampleFileId, files),
        }).ToList(),
        Fields = v.Fields.OrderBy(f => f.Position).Select(f => new FieldDto
        {
            Key = f.Key,
            Label = f.Label,
            Kind = f.Kind.ToString(),
            Required = f.Required,
            Options = f.Options.Length == 0 ? null : [.. f.Options],
            Help = string.IsNullOrEmpty(f.Help) ? null : f.Help,
        }).ToList(),
    };

    private static FileDto? File(Guid? id, IReadOnlyDictionary<Guid, CatalogFile> files) =>
        id is { } key && files.TryGetValue(key, out var file)
            ? new FileDto { FileName = file.FileName, ContentType = file.ContentType, Base64 = Convert.ToBase64String(file.Content) }
            : null;
}
