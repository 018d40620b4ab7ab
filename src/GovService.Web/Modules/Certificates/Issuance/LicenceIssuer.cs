using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Intake.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates.Issuance;

/// <summary>
/// Issues the e-licence of an approved case from its item's result template, signed, in the deciding
/// transaction (so a decision is never stored without its licence, nor a licence without its decision).
/// Items without a licence template issue none; a denial issues none (its written decision is the result).
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
        if (type is null || issuer is null)
        {
            return null;
        }

        // 换发 / 变更: a valid licence of the same type for the same holder is superseded; the new one keeps its
        // number and serial, takes the next version and links back to it.
        var previous = await db.Set<Licence>().FirstOrDefaultAsync(l => l.TypeCode == type.TypeCode && l.HolderCode == decided.ApplicantIdNumber && l.State == LicenceState.Valid, cancellationToken);
        var parts = previous?.Identifier.Split('.');
        var serialText = parts is { Length: > 3 } ? parts[^3] : $"{decided.DecidedOn.Year}{await NextSerialAsync(type.TypeCode, decided.DecidedOn.Year, cancellationToken):0000000}";
        var version = parts is { Length: > 2 } ? int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture) + 1 : 1;
        if (previous is not null)
        {
            previous.State = LicenceState.Superseded;
        }

        var licence = new Licence
        {
            Name = type.Name,
            TypeCode = type.TypeCode,
            Number = previous?.Number ?? $"{type.NumberPrefix}{serialText}",
            PreviousLicenceId = previous?.Id,
            IssuerName = issuer.Name,
            IssuerCode = issuer.CreditCode,
            IssuedOn = decided.DecidedOn,
            HolderName = decided.ApplicantName,
            HolderCode = decided.ApplicantIdNumber,
            HolderCodeType = decided.ApplicantIdType,
            HolderUserId = decided.ApplicantUserId,
            ValidFrom = decided.DecidedOn,
            ValidUntil = type.ValidityYears > 0 ? decided.DecidedOn.AddYears(type.ValidityYears).AddDays(-1) : null,
            FaceData = Face(type, decided.FormData),
            CaseId = decided.CaseId,
            CaseNumber = decided.Number,
            HallId = decided.HallId,
            CreatedAt = clock.GetUtcNow().ToUniversalTime(),
        };
        licence.Identifier = LicenceIdentifier.Create(type.TypeCode, issuer.CreditCode, serialText, version);
        licence.VerificationCode = LicenceVerificationCode.New();
        licence.HolderSalt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        licence.SignedForm = LicenceCanonicalForm.Current;
        licence.KeyId = signer.KeyId;
        licence.Signature = signer.Sign(licence);
        db.Add(licence);
        logger.LogInformation("Licence {Identifier} issued for case {CaseNumber}", licence.Identifier, decided.Number);
        return new IssuedResult(licence.Name, licence.Number, licence.IssuerName);
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

    /// <summary>Atomic per type and year, safe on any number of instances.</summary>
    private async Task<int> NextSerialAsync(string typeCode, int year, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO gov.crt_serials (type_code, year, last) VALUES ({typeCode}, {year}, 1)
            ON CONFLICT (type_code, year) DO UPDATE SET last = crt_serials.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(ct)).Single();
}
