namespace GovService.Web.Modules.Intake.Contracts;

/// <summary>
/// What a step on a case's timeline records (<c>CaseStep.Action</c>). Each is also the suffix of its resource key,
/// <c>CaseStep.{action}</c>, so a value here is never renamed without its text; stored rows keep the old value.
/// </summary>
public static class StepActions
{
    /// <summary>The applicant submitted online.</summary>
    public const string Submitted = "Submitted";

    /// <summary>Back to pre-review after everything a one-time notice asked for was uploaded.</summary>
    public const string Resubmitted = "Resubmitted";

    /// <summary>The applicant uploaded some of what was owed.</summary>
    public const string Uploaded = "Uploaded";

    /// <summary>一次性告知 before acceptance (at the window or at pre-review).</summary>
    public const string SupplementRequested = "SupplementRequested";

    /// <summary>补正 asked by the back office after acceptance: the clock pauses.</summary>
    public const string SupplementInReview = "SupplementInReview";

    /// <summary>The applicant answered a 补正 in review: the clock runs again.</summary>
    public const string SupplementedInReview = "SupplementedInReview";

    /// <summary>不予受理.</summary>
    public const string NotAccepted = "NotAccepted";

    /// <summary>受理.</summary>
    public const string Accepted = "Accepted";

    /// <summary>容缺受理.</summary>
    public const string AcceptedWithDeficiency = "AcceptedWithDeficiency";

    /// <summary>The 容缺 materials arrived (online or at a window).</summary>
    public const string DeficiencySupplied = "DeficiencySupplied";

    /// <summary>The reminder that the 容缺 materials fall due (written once per case by the reminder job).</summary>
    public const string DeficiencyReminder = "DeficiencyReminder";

    /// <summary>准予 of a 即办件 at the window.</summary>
    public const string Approved = "Approved";

    /// <summary>准予 by the back office.</summary>
    public const string ApprovedInReview = "ApprovedInReview";

    /// <summary>The e-licence of an approval was issued (its name and number in the note).</summary>
    public const string LicenceIssued = "LicenceIssued";

    /// <summary>不予许可.</summary>
    public const string Denied = "Denied";

    /// <summary>出件办结.</summary>
    public const string Delivered = "Delivered";

    /// <summary>撤回 by the applicant.</summary>
    public const string Withdrawn = "Withdrawn";

    /// <summary>终止 (a 容缺 material never supplied).</summary>
    public const string Terminated = "Terminated";

    /// <summary>The back office's work stopped because the case ended.</summary>
    public const string WorkClosed = "WorkClosed";

    public const string SpecialProcedure = "SpecialProcedure";
    public const string SpecialProcedureEnded = "SpecialProcedureEnded";

    /// <summary>A review step passed (the back office).</summary>
    public const string ReviewPassed = "ReviewPassed";

    /// <summary>Returned to an earlier step for review again.</summary>
    public const string Returned = "Returned";

    /// <summary>延长审批期限 approved.</summary>
    public const string Extended = "Extended";

    /// <summary>转办 to another department.</summary>
    public const string Transferred = "Transferred";

    /// <summary>收受分离: accepted at a window away from the deciding department and handed to it electronically with its files.</summary>
    public const string HandedToDepartment = "HandedToDepartment";

    /// <summary>The paper originals left the receiving window for the department (carrier and number in the note).</summary>
    public const string OriginalsSent = "OriginalsSent";

    /// <summary>The department signed for the paper originals.</summary>
    public const string OriginalsReceived = "OriginalsReceived";

    /// <summary>The paper originals were filed in the department's archive.</summary>
    public const string OriginalsArchived = "OriginalsArchived";

    /// <summary>The paper result left the receiving window for the place the applicant collects it at.</summary>
    public const string ResultSent = "ResultSent";

    /// <summary>The paper result arrived where the applicant collects it (told to them).</summary>
    public const string ResultArrived = "ResultArrived";
}
