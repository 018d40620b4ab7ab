using GovService.Web.Shared.CodeLists;
using GovService.Web.Shared.Files;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Catalog.Domain;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Catalog.Exchange;

public sealed record ImportOutcome(int Created, int Updated, int Published, int Bundles, IReadOnlyList<string> LintFailures);

/// <summary>
/// Reads a catalog document, checks all of it before touching anything (every problem listed at once),
/// then writes each item as a new draft (or into its existing draft) and, when asked, publishes it.
/// A draft the lint refuses stays a draft and is named in the outcome.
/// </summary>
public sealed partial class CatalogImporter(
    GovDbContext db,
    CatalogEditor editor,
    IOrganizationDirectory organization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    ILogger<CatalogImporter> logger)
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public async Task<(CatalogDocument? Document, IReadOnlyList<string> Errors)> ParseAsync(Stream json, CancellationToken ct)
    {
        CatalogDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<CatalogDocument>(json, CatalogDocument.Json, ct);
        }
        catch (JsonException e)
        {
            return (null, [l["Catalog.Import.NotJson", (e.LineNumber ?? 0) + 1, e.Path ?? ""]]);
        }

        if (document is null || document.Format != CatalogDocument.FormatName)
        {
            return (null, [l["Catalog.Import.WrongFormat", CatalogDocument.FormatName]]);
        }

        var errors = await ValidateAsync(document, ct);
        return errors.Count > 0 ? (null, errors) : (document, []);
    }

    private async Task<List<string>> ValidateAsync(CatalogDocument document, CancellationToken ct)
    {
        var errors = new List<string>();
        var bodies = (await organization.DepartmentsAsync(ct)).ToDictionary(d => d.CreditCode);
        var themes = CodeLists.Themes.Select(t => t.Code).ToHashSet();
        var seen = new HashSet<string>();
        foreach (var (item, index) in document.Items.Select((item, i) => (item, i + 1)))
        {
            void Error(string key, params object[] args) => errors.Add(l["Catalog.Import.ItemError", index, item.Name, l[key, args]]);

            if (!BasicCodePattern().IsMatch(item.BasicCode ?? ""))
            {
                Error("Catalog.Import.BadBasicCode", item.BasicCode ?? "");
            }
            else if (!seen.Add(item.BasicCode!))
            {
                Error("Catalog.Import.DuplicateBasicCode", item.BasicCode!);
            }

            if (string.IsNullOrWhiteSpace(item.Name) || item.Name.Length > 200)
            {
                Error("Catalog.Import.BadName");
            }

            if (!CodeLists.ItemTypes.ContainsKey(item.ItemType))
            {
                Error("Catalog.Import.BadCode", "itemType", item.ItemType);
            }

            if (!CodeLists.Levels.ContainsKey(item.Level))
            {
                Error("Catalog.Import.BadCode", "level", item.Level);
            }

            if (!bodies.ContainsKey(item.ImplementingBodyCode ?? ""))
            {
                Error("Catalog.Import.UnknownBody", item.ImplementingBodyCode ?? "");
            }

            if (!CodeLists.BodyNatures.ContainsKey(item.ImplementingBodyNature))
            {
                Error("Catalog.Import.BadCode", "implementingBodyNature", item.ImplementingBodyNature);
            }

            if (!CodeLists.CaseKinds.ContainsKey(item.CaseKind))
            {
                Error("Catalog.Import.BadCode", "caseKind", item.CaseKind);
            }

            if (!CodeLists.OnlineDepths.ContainsKey(item.OnlineDepth))
            {
                Error("Catalog.Import.BadCode", "onlineDepth", item.OnlineDepth);
            }

            foreach (var o in item.ServiceObjects.Where(o => !CodeLists.ServiceObjects.ContainsKey(o)))
            {
                Error("Catalog.Import.BadCode", "serviceObjects", o);
            }

            foreach (var c in item.Channels.Where(c => !CodeLists.Channels.ContainsKey(c)))
            {
                Error("Catalog.Import.BadCode", "channels", c);
            }

            foreach (var t in item.Themes.Where(t => !themes.Contains(t)))
            {
                Error("Catalog.Import.BadCode", "themes", t);
            }

            CheckEnum<TimeUnit>(item.StatutoryLimit.Unit, "statutoryLimit.unit", Error);
            CheckEnum<TimeUnit>(item.PromisedLimit.Unit, "promisedLimit.unit", Error);
            CheckEnum<WindowCategory>(item.WindowCategory, "windowCategory", Error);
            CheckEnum<ServiceScope>(item.Scope, "scope", Error);
            foreach (var place in item.ReceivingPlaces)
            {
                CheckEnum<Contracts.ReceivingPlaces>(place, "receivingPlaces", Error);
            }

            if (item.ReceivingPlaces.All(p => p is not ("CountyCentre" or "TownshipCentre" or "VillageStation" or "All")))
            {
                Error("Catalog.Import.BadCode", "receivingPlaces", string.Join(",", item.ReceivingPlaces));
            }
            CheckEnum<ResultType>(item.ResultType, "resultType", Error);
            CheckEnum<Frequency>(item.Frequency, "frequency", Error);
            CheckEnum<BusinessKind>(item.BusinessKind, "businessKind", Error);
            if (item.StatutoryLimit.Value < 0 || item.PromisedLimit.Value < 0 || item.VisitsNeeded < 0)
            {
                Error("Catalog.Import.Negative");
            }

            foreach (var material in item.Materials)
            {
                if (string.IsNullOrWhiteSpace(material.Name))
                {
                    Error("Catalog.Import.MaterialWithoutName");
                }

                CheckEnum<MaterialSource>(material.Source, $"materials[{material.Name}].source", Error);
                foreach (var file in new[] { material.BlankFormFile, material.SampleFile }.OfType<FileDto>())
                {
                    if (!TryDecode(file, out _))
                    {
                        Error("Catalog.Import.BadFile", material.Name);
                    }
                }
            }

            var keys = new HashSet<string>();
            foreach (var field in item.Fields)
            {
                if (!FieldKeyPattern().IsMatch(field.Key ?? "") || !keys.Add(field.Key!))
                {
                    Error("Catalog.Import.BadFieldKey", field.Key ?? "");
                }

                CheckEnum<FieldKind>(field.Kind, $"fields[{field.Key}].kind", Error);
            }
        }

        var known = seen.ToHashSet();
        known.UnionWith(await db.Set<ServiceItem>().Select(i => i.BasicCode).ToListAsync(ct));
        foreach (var bundle in document.Bundles)
        {
            if (string.IsNullOrWhiteSpace(bundle.Code) || string.IsNullOrWhiteSpace(bundle.Name))
            {
                errors.Add(l["Catalog.Import.BundleWithoutName", bundle.Code ?? ""]);
            }

            if (!Enum.TryParse<Audience>(bundle.Audience, out _))
            {
                errors.Add(l["Catalog.Import.BundleError", bundle.Code ?? "", l["Catalog.Import.BadCode", "audience", bundle.Audience]]);
            }

            foreach (var code in bundle.Items.Where(c => !known.Contains(c)))
            {
                errors.Add(l["Catalog.Import.BundleError", bundle.Code ?? "", l["Catalog.Import.UnknownItem", code]]);
            }
        }

        return errors;
    }

    private static void CheckEnum<T>(string value, string field, Action<string, object[]> error)
        where T : struct, Enum
    {
        if (!Enum.TryParse<T>(value, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(value, out _))
        {
            error("Catalog.Import.BadCode", [field, value]);
        }
    }

    /// <summary>Writes a validated document. Returns what happened; lint failures leave drafts behind, named.</summary>
    public async Task<ImportOutcome> ImportAsync(CatalogDocument document, string user, bool publish, CancellationToken ct)
    {
        var bodies = (await organization.DepartmentsAsync(ct)).ToDictionary(d => d.CreditCode);
        int created = 0, updated = 0, published = 0;
        var lintFailures = new List<string>();

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var dto in document.Items)
        {
            var body = bodies[dto.ImplementingBodyCode];
            var item = await editor.FindItemAsync(dto.BasicCode, ct);
            ItemVersion draft;
            if (item is null)
            {
                item = editor.CreateItem(dto.BasicCode, ServiceItem.ComposeImplementationCode(body.CreditCode, dto.Level, dto.BasicCode), body.Id, user);
                draft = item.Versions[0];
                created++;
            }
            else
            {
                draft = await editor.GetOrCreateDraftAsync(item, user, ct);
                db.RemoveRange(draft.Materials.ToList());
                db.RemoveRange(draft.Fields.ToList());
                draft.Materials.Clear();
                draft.Fields.Clear();
                item.DepartmentId = body.Id;
                item.ImplementationCode = ServiceItem.ComposeImplementationCode(body.CreditCode, dto.Level, dto.BasicCode);
                updated++;
            }

            Apply(dto, draft, body, item);
            await db.SaveChangesAsync(ct);

            if (publish)
            {
                var problems = await editor.PublishAsync(draft, user, ct);
                if (problems.Count == 0)
                {
                    published++;
                }
                else
                {
                    lintFailures.Add(l["Catalog.Import.LintFailed", dto.Name, string.Join("；", problems.Select(p => l[p.Key, p.Args].Value))]);
                }
            }
        }

        foreach (var dto in document.Bundles)
        {
            var bundle = await db.Set<Bundle>().FirstOrDefaultAsync(b => b.Code == dto.Code, ct) ?? db.Add(new Bundle { Code = dto.Code }).Entity;
            bundle.Name = dto.Name.Trim();
            bundle.Audience = Enum.Parse<Audience>(dto.Audience);
            bundle.Description = dto.Description.Trim();
            bundle.ItemCodes = [.. dto.Items];
            bundle.IsPublished = true;
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        logger.LogInformation("Catalog import by {User}: {Created} created, {Updated} updated, {Published} published, {Bundles} bundles, {Failures} left as drafts",
            user, created, updated, published, document.Bundles.Count, lintFailures.Count);
        return new ImportOutcome(created, updated, published, document.Bundles.Count, lintFailures);
    }

    private void Apply(ItemDto dto, ItemVersion v, DepartmentInfo body, ServiceItem item)
    {
        v.Name = dto.Name.Trim();
        v.BusinessCode = string.IsNullOrWhiteSpace(dto.BusinessCode) ? item.ImplementationCode + "01" : dto.BusinessCode.Trim();
        v.ItemType = dto.ItemType;
        v.Level = dto.Level;
        v.ImplementingBodyName = body.Name;
        v.ImplementingBodyCode = body.CreditCode;
        v.ImplementingBodyNature = dto.ImplementingBodyNature;
        v.LegalBasis = dto.LegalBasis.Trim();
        v.Conditions = dto.Conditions.Trim();
        v.Process = dto.Process.Trim();
        v.StatutoryLimit = dto.StatutoryLimit.Value;
        v.StatutoryUnit = Enum.Parse<TimeUnit>(dto.StatutoryLimit.Unit);
        v.StatutoryNote = dto.StatutoryLimit.Note.Trim();
        v.PromisedLimit = dto.PromisedLimit.Value;
        v.PromisedUnit = Enum.Parse<TimeUnit>(dto.PromisedLimit.Unit);
        v.PromisedNote = dto.PromisedLimit.Note.Trim();
        v.CaseKind = dto.CaseKind;
        v.ServiceObjects = [.. dto.ServiceObjects.Distinct()];
        v.Themes = [.. dto.Themes.Distinct()];
        v.Keywords = [.. dto.Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct()];
        v.Channels = [.. dto.Channels.Distinct()];
        v.Fees = dto.Fees.Select(f => new Fee { Name = f.Name.Trim(), Standard = f.Standard.Trim(), Basis = f.Basis.Trim(), Reduction = f.Reduction.Trim() }).ToList();
        v.Place = dto.Place.Trim();
        v.Hours = dto.Hours.Trim();
        v.ConsultPhone = dto.ConsultPhone.Trim();
        v.SupervisionPhone = dto.SupervisionPhone.Trim();
        v.Faq = dto.Faq.Select(q => new Question { Text = q.Question.Trim(), Answer = q.Answer.Trim() }).ToList();
        v.CommonMistakes = dto.CommonMistakes.Trim();
        v.VisitsNeeded = dto.VisitsNeeded;
        v.OnlineDepth = dto.OnlineDepth;
        v.InHall = dto.InHall;
        v.WindowCategory = Enum.Parse<WindowCategory>(dto.WindowCategory);
        v.SupportsAppointment = dto.SupportsAppointment;
        v.SupportsOnlinePayment = dto.SupportsOnlinePayment;
        v.SupportsCourier = dto.SupportsCourier;
        v.Scope = Enum.Parse<ServiceScope>(dto.Scope);
        v.ReceivingPlaces = dto.ReceivingPlaces.Aggregate(Contracts.ReceivingPlaces.None, (all, p) => all | Enum.Parse<Contracts.ReceivingPlaces>(p));
        v.QuantityLimit = dto.QuantityLimit.Trim();
        v.ResultType = Enum.Parse<ResultType>(dto.ResultType);
        v.ResultName = dto.ResultName.Trim();
        v.Frequency = Enum.Parse<Frequency>(dto.Frequency);
        v.BusinessKind = Enum.Parse<BusinessKind>(dto.BusinessKind);

        var position = 0;
        foreach (var m in dto.Materials)
        {
            var material = new Material
            {
                VersionId = v.Id,
                Position = ++position,
                Name = m.Name.Trim(),
                Source = Enum.Parse<MaterialSource>(m.Source),
                IssuingBody = m.IssuingBody.Trim(),
                Originals = m.Originals,
                Copies = m.Copies,
                Required = m.Required,
                DeficiencyAllowed = m.DeficiencyAllowed,
                Instructions = m.Instructions.Trim(),
                CommonMistakes = m.CommonMistakes.Trim(),
                LicenceType = m.LicenceType?.Trim() ?? "",
                IsForm = m.Form is not null || m.BlankFormFile is not null,
            };
            if (m.BlankFormFile is not null && TryDecode(m.BlankFormFile, out var blank))
            {
                material.BlankFormFileId = StoreFile(m.BlankFormFile.FileName, m.BlankFormFile.ContentType, blank).Id;
            }
            else if (m.Form is { Rows.Count: > 0 } form)
            {
                var rows = form.Rows.Where(r => r.Count > 0).Select(r => (Label: r[0], Example: r.Count > 1 ? r[1] : "")).ToList();
                material.BlankFormFileId = StoreFile($"{m.Name}（空白表格）.docx", DocxFormWriter.ContentType,
                    DocxFormWriter.Write(m.Name, $"{v.ImplementingBodyName} · {v.Name}", rows.Select(r => (r.Label, "")))).Id;
                material.SampleFileId = StoreFile($"{m.Name}（示例样表）.docx", DocxFormWriter.ContentType,
                    DocxFormWriter.Write(m.Name + "（示例）", $"{v.ImplementingBodyName} · {v.Name}", rows)).Id;
            }

            if (m.SampleFile is not null && TryDecode(m.SampleFile, out var sample))
            {
                material.SampleFileId = StoreFile(m.SampleFile.FileName, m.SampleFile.ContentType, sample).Id;
            }

            v.Materials.Add(material);
            db.Add(material);
        }

        position = 0;
        foreach (var f in dto.Fields)
        {
            var field = new FormField
            {
                VersionId = v.Id,
                Position = ++position,
                Key = f.Key,
                Label = f.Label.Trim(),
                Kind = Enum.Parse<FieldKind>(f.Kind),
                Required = f.Required,
                Options = [.. (f.Options ?? []).Select(o => o.Trim()).Where(o => o.Length > 0)],
                Help = f.Help?.Trim() ?? "",
            };
            v.Fields.Add(field);
            db.Add(field);
        }

        v.RefreshSearchText(item.BasicCode, item.ImplementationCode);
    }

    /// <summary>An imported file is named and typed like an uploaded one: by its content, the exported name only a label.</summary>
    private CatalogFile StoreFile(string name, string contentType, byte[] content)
    {
        var kind = UploadRules.Refine(UploadRules.Detect(content) ?? new(Path.GetExtension(name), contentType), name);
        var file = CatalogFile.From(StoredFileName.For(name, kind, "file", CatalogFile.FileNameMaxLength), kind.ContentType, content, clock.GetUtcNow());
        db.Add(file);
        return file;
    }

    private static bool TryDecode(FileDto file, out byte[] content)
    {
        content = [];
        if (string.IsNullOrWhiteSpace(file.FileName) || string.IsNullOrWhiteSpace(file.Base64))
        {
            return false;
        }

        try
        {
            content = Convert.FromBase64String(file.Base64);
            return content.Length > 0 && UploadRules.Detect(content) is not null;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[0-9A-Z]{12}$")]
    private static partial Regex BasicCodePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex FieldKeyPattern();
}
