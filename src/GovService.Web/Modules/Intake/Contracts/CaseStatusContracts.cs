namespace GovService.Web.Modules.Intake.Contracts;

/// <summary>What anyone with the number and query code may see: no personal data beyond a masked name.</summary>
public sealed record CaseStatus(
    string Number,
    string ItemName,
    string State,
    string MaskedApplicant,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? AcceptedAt,
    DateOnly? PromisedDueDate,
    // 暂定 concerns the promised date, the only one shown (the name is the public API's).
    bool DueDateProvisional,
    DateTimeOffset? ClosedAt,
    string? TerminationReason);

/// <summary>The public status lookup (办件查询): what the status page shows, for the hall's kiosk too.</summary>
public interface ICaseStatusLookup
{
    /// <summary>The status when number and query code match; null otherwise (never saying which of the two was wrong).</summary>
    Task<CaseStatus?> FindAsync(string? number, string? queryCode, CancellationToken ct);
}
