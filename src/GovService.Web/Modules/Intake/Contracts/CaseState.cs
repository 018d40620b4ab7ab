namespace GovService.Web.Modules.Intake.Contracts;

/// <summary>The states of a case (办件), DESIGN §4.</summary>
public enum CaseState
{
    Draft = 1,
    Submitted = 2,

    /// <summary>一次性告知 before acceptance (clock not started) or 补正 after acceptance (clock paused).</summary>
    SupplementRequested = 3,

    /// <summary>不予受理, with a written reason and legal basis.</summary>
    NotAccepted = 4,
    Accepted = 5,

    /// <summary>容缺受理: accepted with a missing material the applicant promised to supply.</summary>
    AcceptedWithDeficiency = 6,
    InReview = 7,

    /// <summary>特别程序 (现场踏勘, 听证, 检验检测 …): clock paused.</summary>
    SpecialProcedure = 8,
    Approved = 9,
    Denied = 10,
    AwaitingDelivery = 11,
    Completed = 12,
    Withdrawn = 13,

    /// <summary>Ended without a decision (e.g. a 容缺 material never supplied).</summary>
    Terminated = 14,
}
