using System.Globalization;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Issuance;

/// <summary>
/// Issues the e-licence of an approved case from its item's result template, signed, in the deciding
/// transaction (so a decision is never stored without its licence, nor a licence without its decision).
/// Items without a licence template issue none; a denial issues none (its written decision is the result).
/// <para>
/// A licence belongs to what it licenses: a new application (新办) always issues a licence of its own, beside any the
/// applicant holds. Only an item that replaces a licence (变更, 延续, 补证, 换证) replaces one, the one the applicant chose
/// when applying: the new licence keeps its number, takes the next version of its identifier and links back to it.
/// </para>
/// </summary>
public sealed class LicenceIssuer(GovDbContext db, LicenceSigner signer, ICatalogDirectory catalog, IOrganizationDirectory organization, TimeProvider clock, ILogger<LicenceIssuer> logger) : ICaseDecidedHandler
{
    public async Task<IssuedResult?> OnDecidedAsync(CaseDecided decided, CancellationToken cancellationToken)
    {
        if (!decided.Approved || await db.Set<Licence>().AnyAsync(l => l.CaseId == decided.CaseId, cancellationToken))
        {
            return null;
        }

        var type = await db.Set<LicenceType>().AsNoTracking().FirstOrDefaultAsync(t => t.BasicCode == decided.BasicCode, cancellationToken);
        var item = type is null ? null : await catalog.FindPublishedAsync(decided.BasicCode, cancellationToken);
        var issuer = item is null ? null : (await organization.DepartmentsAsync(cancellationToken)).FirstOrDefault(d => d.Id == item.DepartmentId);
        if (type is null || item is null || issuer is null)
        {
            return null;
        }

        var previous = item.BusinessKind.Supersedes() ? await ReplacedAsync(type, decided, cancellationToken) : null;
        var licence = new Licence
        {
            Name = type.Name,
            TypeCode = type.TypeCode,
            IssuerName = issuer.Name,
            IssuerCode = issuer.CreditCode,
            IssuedOn = decided.DecidedOn,
            HolderUserId = decided.ApplicantUserId,
            ValidFrom = decided.DecidedOn,
            ValidUntil = type.ValidityYears > 0 ? decided.DecidedOn.AddYears(type.ValidityYears).AddDays(-1) : null,
            FaceData = Face(type, decided.FormData),
            CaseId = decided.CaseId,
            CaseNumber = decided.Number,
            HallId = decided.HallId,
            CreatedAt = clock.GetUtcNow().ToUniversalTime(),
        };
        (licence.HolderName, licence.HolderCode, licence.HolderCodeType) = Holder(type, decided);

        string serial;
        int version;
        if (previous is null)
        {
            (licence.Number, serial) = await NumberAsync(type, issuer, decided, cancellationToken);
            version = 1;
        }
        else
        {
            // Same number and serial, the next version; 变更 / 补证 / 换证 keep the validity, 延续 starts a new one.
            var parts = previous.Identifier.Split('.');
            (licence.Number, serial, version) = (previous.Number, parts[^3], int.Parse(parts[^2], CultureInfo.InvariantCulture) + 1);
            licence.PreviousLicenceId = previous.Id;
            if (item.BusinessKind.KeepsValidity())
            {
                licence.ValidUntil = previous.ValidUntil;
            }

            if (previous.State == LicenceState.Valid)
            {
                previous.State = LicenceState.Superseded;
            }
        }

        licence.Identifier = LicenceIdentifier.Create(type.TypeCode, issuer.CreditCode, serial, version);
        licence.VerificationCode = LicenceVerificationCode.New();
        licence.HolderSalt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        licence.SignedForm = LicenceCanonicalForm.Current;
        licence.KeyId = signer.KeyId;
        licence.Signature = signer.Sign(licence);
        db.Add(licence);
        logger.LogInformation("Licence {Identifier} issued for case {CaseNumber} ({BusinessKind}, replacing {Previous})", licence.Identifier, decided.Number, item.BusinessKind, previous?.Identifier);
        return new IssuedResult(licence.Name, licence.Number, licence.IssuerName);
    }

    /// <summary>
    /// The licence a 变更 / 延续 / 补证 / 换证 replaces: the latest version of the one the applicant chose — the applicant's own
    /// licence of this type (checked when they applied, and again here). Another approval may have replaced it since (two
    /// changes of the same licence): then its newest version is replaced, so the chain stays one line and no two versions
    /// share an identifier. Null when the case names none or one that is not the applicant's.
    /// </summary>
    private async Task<Licence?> ReplacedAsync(LicenceType type, CaseDecided decided, CancellationToken ct)
    {
        var chosen = decided.ReplacesLicenceId is { } id && decided.ApplicantUserId is { } holder
            ? await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.TypeCode == type.TypeCode && l.HolderUserId == holder, ct)
            : null;
        if (chosen is null)
        {
            if (decided.ReplacesLicenceId is not null)
            {
                logger.LogWarning("Case {CaseNumber} names licence {LicenceId}, not the applicant's of type {TypeCode}: a licence of its own is issued", decided.Number, decided.ReplacesLicenceId, type.TypeCode);
            }

            return null;
        }

        var versions = await db.Set<Licence>().Where(l => l.TypeCode == type.TypeCode && l.Number == chosen.Number).ToListAsync(ct);
        return versions.MaxBy(l => int.Parse(l.Identifier.Split('.')[^2], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The operator the type's holder fields name (经营者名称 and its 统一社会信用代码 or ID number: 001 for a credit code,
    /// 111 for an ID number), else the applicant.
    /// </summary>
    private static (string Name, string Code, string CodeType) Holder(LicenceType type, CaseDecided decided)
    {
        var name = type.HolderNameField.Length > 0 ? decided.FormData.GetValueOrDefault(type.HolderNameField)?.Trim() : null;
        var code = type.HolderCodeField.Length > 0 ? decided.FormData.GetValueOrDefault(type.HolderCodeField)?.Trim().ToUpperInvariant() : null;
        return string.IsNullOrEmpty(name) || string.IsNullOrEmpty(code)
            ? (decided.ApplicantName, decided.ApplicantIdNumber, decided.ApplicantIdType)
            : (name, code, UnifiedSocialCreditCode.IsValid(code) ? "001" : "111");
    }

    /// <summary>
    /// A new licence's number and the serial of its identifier, in the type's format: 食品经营许可证 JY + 主体业态 + county +
    /// county serial + check digit (the identifier's serial is the number's 14 digits); otherwise prefix + year + yearly
    /// serial. A food licence whose application names no 主体业态 (a walk-in: the window form does not ask the item's
    /// fields) cannot have the published number and takes the general one.
    /// </summary>
    private async Task<(string Number, string Serial)> NumberAsync(LicenceType type, DepartmentInfo issuer, CaseDecided decided, CancellationToken ct)
    {
        if (type.NumberFormat == LicenceNumberFormat.FoodBusiness)
        {
            var code = FoodBusinessLicenceNumber.FormatCode(decided.FormData.GetValueOrDefault(FoodBusinessLicenceNumber.BusinessFormatField));
            if (code is { } format && issuer.RegionCode.Length >= 6)
            {
                var county = issuer.RegionCode[..6];
                var number = FoodBusinessLicenceNumber.Compose(format, county, await NextSerialAsync(type.TypeCode, county, ct));
                return (number, number[FoodBusinessLicenceNumber.Prefix.Length..]);
            }

            logger.LogWarning("Case {CaseNumber} names no 主体业态: its {Licence} takes the general number", decided.Number, type.Name);
        }

        var year = decided.DecidedOn.Year.ToString(CultureInfo.InvariantCulture);
        var next = await NextSerialAsync(type.TypeCode, year, ct);
        var serial = string.Create(CultureInfo.InvariantCulture, $"{year}{next:0000000}");
        return ($"{type.NumberPrefix}{serial}", serial);
    }

    private static Dictionary<string, string> Face(LicenceType type, IReadOnlyDictionary<string, string> answers)
    {
        var face = new Dictionary<string, string>();
        foreach (var entry in type.FaceFields)
        {
            var (key, label) = entry.Split('=', 2) is [var k, var v] ? (k, v) : (entry, entry);
            if (answers.TryGetValue(key, out var value) && value.Length > 0)
            {
                face[label] = value;
            }
        }

        return face;
    }

    /// <summary>Atomic per type and series (a year, or a county), safe on any number of instances.</summary>
    private async Task<int> NextSerialAsync(string typeCode, string series, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO gov.crt_serials (type_code, series, last) VALUES ({typeCode}, {series}, 1)
            ON CONFLICT (type_code, series) DO UPDATE SET last = crt_serials.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(ct)).Single();
}
