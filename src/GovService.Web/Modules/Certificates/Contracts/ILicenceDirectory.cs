namespace GovService.Web.Modules.Certificates.Contracts;

public sealed record LicenceSummary(Guid Id, Guid CaseId, string Name, string Number, string Identifier, string State);

/// <summary>What other modules may know of licences: those issued for a case (for delivery at the window).</summary>
public interface ILicenceDirectory
{
    Task<IReadOnlyList<LicenceSummary>> ForCasesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken = default);
}
