using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;

namespace GovService.Web.Modules.Intake.Contracts;

/// <summary>A case has just been accepted (受理 or 容缺受理): its clock starts on <see cref="AcceptedOn"/>.</summary>
public sealed record CaseAccepted(
    Guid CaseId,
    string Number,
    string BasicCode,
    string ItemName,
    int CaseKind,
    Guid? HallId,
    DateOnly AcceptedOn,
    int PromisedLimit,
    bool PromisedInWorkingDays,
    int StatutoryLimit,
    bool StatutoryInWorkingDays);

/// <summary>
/// Implemented by modules that take a case further once it is accepted (the back office routes it). Called
/// inside the accepting transaction, before it commits: the case and what follows are stored together or not at all.
/// </summary>
public interface ICaseAcceptedHandler
{
    Task OnAcceptedAsync(CaseAccepted accepted, CancellationToken cancellationToken);
}

/// <summary>A walk-in's case made at the window from a queue ticket: the intake form carried the ticket's id.</summary>
public sealed record CaseTakenIn(Guid CaseId, Guid TicketId, Guid ClerkStaffId);

/// <summary>
/// Implemented by the module that issues queue tickets (the hall), to keep the ticket a window intake came from with
/// its case. Called inside the intake transaction, before it commits.
/// </summary>
public interface ICaseTakenInHandler
{
    Task OnTakenInAsync(CaseTakenIn taken, CancellationToken cancellationToken);
}

/// <summary>The applicant has supplied everything a 补正 after acceptance asked for (inside that transaction).</summary>
public interface ICaseSupplementedHandler
{
    Task OnSupplementedAsync(Guid caseId, DateOnly suppliedOn, CancellationToken cancellationToken);
}

/// <summary>Who else may read a case's files: the back office answers for its reviewers.</summary>
public interface ICaseReaders
{
    Task<bool> MayReadAsync(StaffPlacement staff, Guid caseId, CancellationToken cancellationToken);
}

/// <summary>A due date of a case and whether it is 暂定 (counted over a year whose holiday notice is not loaded).</summary>
public sealed record DueDate(DateOnly Date, bool Provisional)
{
    public static DueDate Of(ClockReading reading) => new(reading.Due, reading.IsProvisional);
}

/// <summary>
/// A material of a case as the back office sees it: received or not, what a notice or 补正 said of it (<see cref="Defect"/>),
/// the current upload and when it came, and when the applicant answered the 补正 (<see cref="SuppliedAt"/>).
/// </summary>
public sealed record CaseMaterialInfo(int Position, string Name, bool Required, bool Received, string Defect, Guid? FileId, string? FileName, DateTimeOffset? FileUploadedAt = null, DateTimeOffset? SuppliedAt = null);

/// <summary>What the back office needs to know of a case.</summary>
public sealed record CaseSummary(
    Guid Id,
    string Number,
    string ItemName,
    string BasicCode,
    string ApplicantName,
    string ApplicantIdNumber,
    string ContactMobile,
    CaseState State,
    Guid? HallId,
    DateTimeOffset? AcceptedAt,
    DateOnly? PromisedDue,
    DateOnly? StatutoryDue,
    bool MaterialsOwed,
    IReadOnlyDictionary<string, string> FormData)
{
    /// <summary>变更 / 延续 / 补证 / 换证: the number of the applicant's licence the application replaces ("" for none).</summary>
    public string ReplacesLicenceNumber { get; init; } = "";
}

/// <summary>
/// What the back office may do to a case. Changes are made on the caller's unit of work (the same database
/// context and transaction) and saved by the caller; each goes through the case lifecycle and onto the
/// applicant's timeline.
/// </summary>
public interface ICaseRecords
{
    Task<CaseSummary?> FindAsync(Guid caseId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CaseMaterialInfo>> MaterialsAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>The application's form with the catalog's labels and typed values (是 / 否, dates, choices), never the raw keys.</summary>
    Task<IReadOnlyList<Catalog.Contracts.FieldAnswer>> AnswersAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>Accepted → InReview (a 容缺 case stays as it is until its materials arrive, then goes to review).</summary>
    Task StartReviewAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>How many supplement requests the case has had (一次性告知 before acceptance and 补正 in review): one is the rule, a second needs a supervisor.</summary>
    Task<int> SupplementsAskedAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>补正 after acceptance: the case waits for the applicant (clock paused by the caller); the defects are the notice, sent to the applicant.</summary>
    Task RequestSupplementAsync(Guid caseId, IReadOnlyList<(int Position, string Defect)> defects, StaffPlacement by, CancellationToken cancellationToken = default);

    Task StartSpecialProcedureAsync(Guid caseId, StaffPlacement by, string note, CancellationToken cancellationToken = default);

    Task EndSpecialProcedureAsync(Guid caseId, StaffPlacement by, string note, CancellationToken cancellationToken = default);

    /// <summary>The due dates recomputed from the clock's segments, each with its own 暂定 flag.</summary>
    Task SetDueDatesAsync(Guid caseId, DueDate promised, DueDate statutory, CancellationToken cancellationToken = default);

    /// <summary>准予 (the result then waits at the accepting hall) or 不予许可, with the opinion and legal basis.</summary>
    Task DecideAsync(Guid caseId, bool approved, string opinion, StaffPlacement by, CancellationToken cancellationToken = default);

    /// <summary>A step on the applicant's timeline (the handler's name, office and phone shown).</summary>
    Task AddStepAsync(Guid caseId, string action, StaffPlacement by, string note, CancellationToken cancellationToken = default);
}

/// <summary>A pause or extension as the applicant sees it.</summary>
public sealed record ClockPauseInfo(ClockSegmentKind Kind, DateOnly From, DateOnly? To, int WorkingDays, int ExtraWorkingDays, string Reason);

/// <summary>How the promised date of a case was reached: start, limit, pauses and extensions, and the working-day span.</summary>
public sealed record ClockExplanation(DateOnly Start, int LimitWorkingDays, IReadOnlyList<ClockPauseInfo> Segments, WorkingDaySpan Span, bool Paused);

/// <summary>The back office keeps the clock of a routed case and explains it.</summary>
public interface ICaseClockSource
{
    Task<ClockExplanation?> PromisedAsync(Guid caseId, CancellationToken cancellationToken);
}

/// <summary>
/// A case has been decided (准予 or 不予许可), by the back office or at the window (即办件). <see cref="ReplacesLicenceId"/>: the
/// licence the applicant chose for a 变更 / 延续 / 补证 / 换证 (checked as theirs when they applied), which an approval replaces.
/// </summary>
public sealed record CaseDecided(
    Guid CaseId,
    string Number,
    string BasicCode,
    string ItemName,
    bool Approved,
    string ApplicantName,
    string ApplicantIdType,
    string ApplicantIdNumber,
    Guid? ApplicantUserId,
    Guid? HallId,
    DateOnly DecidedOn,
    IReadOnlyDictionary<string, string> FormData,
    Guid? ReplacesLicenceId = null);

/// <summary>What a decision handler issued for the applicant (an e-licence): its name, number and issuing body.</summary>
public sealed record IssuedResult(string Name, string Number, string IssuerName);

/// <summary>
/// Implemented by modules that act on a decision (an approval issues the e-licence). Called inside the
/// deciding transaction: decided and issued together, or neither — nothing is lost if the process stops.
/// Returns what it issued, which goes on the applicant's timeline and is told to them, or null.
/// </summary>
public interface ICaseDecidedHandler
{
    Task<IssuedResult?> OnDecidedAsync(CaseDecided decided, CancellationToken cancellationToken);
}

/// <summary>How a case ended: the final states of DESIGN §4.</summary>
public enum CaseEnding
{
    /// <summary>撤回 by the applicant before a decision.</summary>
    Withdrawn = 1,

    /// <summary>终止 without a decision (a 容缺 material never supplied).</summary>
    Terminated = 2,

    /// <summary>不予受理 at the window or at pre-review.</summary>
    NotAccepted = 3,

    /// <summary>The result delivered (出件办结).</summary>
    Completed = 4,

    /// <summary>不予许可: the decision itself ends the case.</summary>
    Denied = 5,
}

/// <summary>A case has reached a final state: no module may keep open work for it.</summary>
public sealed record CaseClosed(Guid CaseId, string Number, CaseEnding Ending, string Reason, DateTimeOffset At)
{
    /// <summary>The day (Asia/Shanghai) the case ended: running clock segments end on it.</summary>
    public DateOnly On => DateOnly.FromDateTime(At.ToChinaTime());
}

/// <summary>
/// Implemented by every module that holds work for a case (review tasks and claims, clock segments, cards and
/// 督办). Called inside the closing transaction, before it commits: the case ends and its work closes together.
/// Handlers change only the caller's unit of work and must be idempotent (a case may end with nothing open). They
/// return what the applicant's timeline should say of the work they closed (e.g. the review steps stopped), or null.
/// </summary>
public interface ICaseClosedHandler
{
    Task<string?> OnClosedAsync(CaseClosed closed, CancellationToken cancellationToken);
}
