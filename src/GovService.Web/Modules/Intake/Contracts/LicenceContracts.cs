namespace GovService.Web.Modules.Intake.Contracts;

// What Intake needs of e-licences, owned by Intake and implemented by Certificates: dependencies point one way
// (Certificates → Intake), as with ICaseDecidedHandler; Intake never names the Certificates module.

public sealed record LicenceSummary(Guid Id, Guid CaseId, string Name, string Number, string Identifier, string State);

/// <summary>A licence an application may replace (变更, 延续 …), as the form lists it: what it licenses, so the applicant tells their shops apart.</summary>
public sealed record ReplaceableLicence(Guid Id, string Name, string Number, string HolderName, DateOnly? ValidUntil, IReadOnlyDictionary<string, string> Face);

/// <summary>What Intake may know of licences: those issued for a case (for delivery at the window) and those of a wallet (免提交).</summary>
public interface ILicenceDirectory
{
    Task<IReadOnlyList<LicenceSummary>> ForCasesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken = default);

    /// <summary>The valid licences in a citizen's wallet (to be used instead of an upload: 免提交).</summary>
    Task<IReadOnlyList<LicenceSummary>> ValidForHolderAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The valid licences in a citizen's wallet of the type an application of item <paramref name="basicCode"/> issues: what
    /// its 变更 / 延续 / 补证 / 换证 may replace. Null when the item issues no licence.
    /// </summary>
    Task<IReadOnlyList<ReplaceableLicence>?> ReplaceableAsync(string basicCode, Guid userId, CancellationToken cancellationToken = default);
}

/// <summary>Asked by Certificates, answered by Intake: does a case of this hall use this licence as a material (so its staff may read it)?</summary>
public interface ILicenceUseCheck
{
    Task<bool> UsedByHallAsync(Guid licenceId, Guid hallId, CancellationToken cancellationToken = default);
}
