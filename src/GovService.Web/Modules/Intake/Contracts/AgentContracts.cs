namespace GovService.Web.Modules.Intake.Contracts;

/// <summary>What an agent does for an applicant that needs the applicant's mandate (委托代办).</summary>
public enum MandatedAction
{
    SaveDraft = 1,
    FileCase = 2,
    SupplyMaterials = 3,
    ReceiveResult = 4,
}

/// <summary>A case an agent acts on: its item, the bundle it was applied for with and the item's implementing department.</summary>
public sealed record MandatedCase(Guid CaseId, string? Number, string ItemCode, string ItemName, string BundleCode, Guid DepartmentId);

/// <summary>An agent's act for the applicant with this ID number on these cases.</summary>
public sealed record MandatedAct(Guid AgentUserId, string AgentName, string ApplicantIdNumber, MandatedAction Action, IReadOnlyList<MandatedCase> Cases);

/// <summary>Why an agent may not act.</summary>
public enum MandateRefusal
{
    None = 0,

    /// <summary>No mandate of this applicant to this agent.</summary>
    NoMandate = 1,

    /// <summary>Every mandate is past its expiry (or not begun yet).</summary>
    NotLive = 2,

    /// <summary>Revoked by the applicant.</summary>
    Revoked = 3,

    /// <summary>Live, but for another item.</summary>
    OutOfScope = 4,

    /// <summary>Live and in scope, but without the right to receive the result.</summary>
    MayNotReceive = 5,
}

/// <summary>The mandate the act was done under (its 委托书编号), or why it was refused.</summary>
public sealed record MandateUse(Guid? MandateId, string MandateNumber, MandateRefusal Refusal)
{
    public bool Allowed => Refusal == MandateRefusal.None;

    /// <summary>The mandate used lets the agent receive the result for the applicant (the case is then collected at the agent's station).</summary>
    public bool MayReceiveResult { get; init; }
}

/// <summary>An applicant an agent may act for now, as the agent's forms offer them.</summary>
public sealed record MandatedApplicant(Guid MandateId, string MandateNumber, string Name, string IdNumber, string Mobile, string ScopeName, DateOnly ExpiresOn);

/// <summary>One act of an agent on a case, for the case's timeline.</summary>
public sealed record AgentActOnCase(DateTimeOffset At, string AgentName, string MandateNumber, MandatedAction Action);

/// <summary>
/// 委托代办 as Intake needs it: whether an agent may act for an applicant on a case, checked and recorded in the
/// caller's transaction. Owned here, implemented by the module that keeps mandates (Assistance), so intake never
/// depends on it.
/// </summary>
public interface IAgentMandates
{
    /// <summary>The applicants with a live mandate to this agent today that covers every one of <paramref name="items"/> (their case ids unused).</summary>
    Task<IReadOnlyList<MandatedApplicant>> LiveForAgentAsync(Guid agentUserId, IReadOnlyList<MandatedCase> items, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks the act against the applicant's mandates to the agent and, when one allows it, records it as an act under
    /// that mandate, in the caller's transaction. The mandate row is locked (FOR SHARE) until that transaction ends:
    /// a revocation at the same moment waits for it, or was committed first and refuses the act.
    /// </summary>
    Task<MandateUse> UseAsync(MandatedAct act, CancellationToken cancellationToken = default);

    /// <summary>The agents' acts on a case, oldest first.</summary>
    Task<IReadOnlyList<AgentActOnCase>> ActsOnCaseAsync(Guid caseId, CancellationToken cancellationToken = default);
}

/// <summary>A case as a list shows it to an agent or a helper: number, item, state and promised date.</summary>
public sealed record CaseBrief(Guid Id, string? Number, string ItemName, string ApplicantName, CaseState State, DateTimeOffset? SubmittedAt, DateOnly? PromisedDue);

/// <summary>Cases by id, or every case of one applicant (a company's, for its 帮办 helper), newest first.</summary>
public interface ICaseBriefs
{
    Task<IReadOnlyList<CaseBrief>> OfAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken = default);

    /// <summary>The applicant's cases past draft (by 公民身份号码 or 统一社会信用代码), at most 100.</summary>
    Task<IReadOnlyList<CaseBrief>> OfApplicantAsync(string idNumber, CancellationToken cancellationToken = default);
}
