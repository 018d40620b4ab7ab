namespace GovService.Web.Modules.Intake.Contracts;

// What Intake needs of e-licences, owned by Intake and implemented by Certificates: dependencies point one way
// (Certificates → Intake), as with ICaseDecidedHandler; Intake never names the Certificates module.

public sealed record LicenceSummary(Guid Id, Guid CaseId, string Name, string Number, string Identifier, string State);

/// <summary>What Intake may know of licences: those issued for a case (for delivery at the window) and those of a wallet (免提交).</summary>
public interface ILicenceDirectory
{
    Task<IReadOnlyList<LicenceSummary>> ForCasesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken = default);

    /// <summary>The valid licences in a citizen's wallet (to be used instead of an upload: 免提交).</summary>
    Task<IReadOnlyList<LicenceSummary>> ValidForHolderAsync(Guid userId, CancellationToken cancellationToken = default);
}

/// <summary>Asked by Certificates, answered by Intake: does a case of this hall use this licence as a material (so its staff may read it)?</summary>
public interface ILicenceUseCheck
{
    Task<bool> UsedByHallAsync(Guid licenceId, Guid hallId, CancellationToken cancellationToken = default);
}
