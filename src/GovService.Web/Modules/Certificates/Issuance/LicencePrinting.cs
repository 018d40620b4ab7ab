using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Certificates.Contracts;
using GovService.Web.Modules.Certificates.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Certificates.Issuance;

/// <summary>The wallet's valid licences and their PDF for the hall's kiosk (打印证照); the holder's own only.</summary>
internal sealed class LicencePrinting(GovDbContext db, IStringLocalizer<SharedResource> l) : ILicencePrinting
{
    private IQueryable<Licence> ValidOf(Guid holderUserId) =>
        db.Set<Licence>().AsNoTracking().Where(x => x.HolderUserId == holderUserId && x.State == LicenceState.Valid);

    public async Task<IReadOnlyList<PrintableLicence>> ValidOfHolderAsync(Guid holderUserId, CancellationToken cancellationToken = default) =>
        await ValidOf(holderUserId).OrderByDescending(x => x.IssuedOn).ThenBy(x => x.Number)
            .Select(x => new PrintableLicence(x.Id, x.Name, x.Number, x.HolderName, x.IssuerName, x.IssuedOn, x.ValidUntil))
            .ToListAsync(cancellationToken);

    public async Task<byte[]?> PdfAsync(Guid licenceId, Guid holderUserId, string siteRoot, CancellationToken cancellationToken = default) =>
        await ValidOf(holderUserId).FirstOrDefaultAsync(x => x.Id == licenceId, cancellationToken) is { } licence
            ? LicencePdf.Render(licence, licence.VerifyUrl(siteRoot), key => l[key].Value)
            : null;
}
