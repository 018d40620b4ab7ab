namespace GovService.Web.Modules.Approval;

public sealed class ApprovalOptions
{
    /// <summary>Idle time after which a claim is given back to the queue.</summary>
    public int ClaimIdleMinutes { get; set; } = 120;

    /// <summary>Cap on the working days a case may spend in special procedures (行政许可法 art. 45 time is recorded and capped locally).</summary>
    public int SpecialProcedureCapWorkingDays { get; set; } = 60;

    /// <summary>延长审批: at most this many working days in all (art. 42: 10).</summary>
    public int ExtensionCapWorkingDays { get; set; } = 10;
}
