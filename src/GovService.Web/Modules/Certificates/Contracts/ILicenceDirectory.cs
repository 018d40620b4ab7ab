namespace GovService.Web.Modules.Certificates.Contracts;

public sealed record LicenceSummary(Guid Id, Guid CaseId, string Name, string Number, string Identifier, string State);

/// <summary>What other modules may know of licences: those issued for a case (for delivery at the window).</summary>
public interface ILicenceDirectory
{
    Task<IReadOnlyList<LicenceSummary>> ForCasesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken = default);

    /// <summary>The valid licences in a citizen's wallet (to be used instead of an upload: 免提交).</summary>
    Task<IReadOnlyList<LicenceSummary>> ValidForHolderAsync(Guid userId, CancellationToken cancellationToken = default);
}

/// <summary>Asked by Certificates: does a case of this hall use this licence as a material (so its staff may read it)?</summary>
public interface ILicenceUseCheck
{
    Task<bool> UsedByHallAsync(Guid licenceId, Guid hallId, CancellationToken cancellationToken = default);
}
