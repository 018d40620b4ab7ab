namespace GovService.Web.Modules.Certificates.Contracts;

/// <summary>A valid licence of a wallet, as the hall's kiosk lists it for printing.</summary>
public sealed record PrintableLicence(Guid Id, string Name, string Number, string HolderName, string IssuerName, DateOnly IssuedOn, DateOnly? ValidUntil);

/// <summary>打印证照: the valid licences of a citizen's wallet and each one's printable document (the licence PDF), for the holder only.</summary>
public interface ILicencePrinting
{
    Task<IReadOnlyList<PrintableLicence>> ValidOfHolderAsync(Guid holderUserId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The licence as its PDF (the same document as <c>/licences/{id}/pdf</c>, QR code to <paramref name="siteRoot"/>/verify…);
    /// null unless it is a valid licence held by <paramref name="holderUserId"/>.
    /// </summary>
    Task<byte[]?> PdfAsync(Guid licenceId, Guid holderUserId, string siteRoot, CancellationToken cancellationToken = default);
}
