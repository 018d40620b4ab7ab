namespace GovService.Web.Modules.Supervision.Domain;

/// <summary>满意度 (GB/T 39046 A.8). 4 and 5 are 差评 and open a rectification work order.</summary>
public enum Satisfaction
{
    VerySatisfied = 1,
    Satisfied = 2,
    Acceptable = 3,
    Dissatisfied = 4,
    VeryDissatisfied = 5,
}

/// <summary>评价渠道 (GB/T 39046 表9).</summary>
public enum RatingChannel
{
    Pc = 1,
    Mobile = 2,
    QrCode = 3,
    HallTablet = 4,
    HallTerminal = 5,
    Phone = 6,
    Sms = 7,
}

public static class RatingChannels
{
    /// <summary>The channel of a browser request: a phone's browser (its user agent says "Mobi") is the mobile channel, anything else PC.</summary>
    public static RatingChannel OfUserAgent(string userAgent) =>
        userAgent.Contains("Mobi", StringComparison.Ordinal) ? RatingChannel.Mobile : RatingChannel.Pc;
}

public enum AppealState
{
    None = 0,
    Pending = 1,

    /// <summary>申诉成立: the rating was malicious or mistaken; it no longer counts in any figure.</summary>
    Upheld = 2,
    Rejected = 3,
}

/// <summary>
/// One 好差评 rating: of one window interaction (a step of the case, <see cref="StepId"/> &gt; 0) or of the whole case
/// after completion (<see cref="StepId"/> = 0). It attaches to the step and to the member of staff who produced the
/// service, and through them to the department (or hall) that answers for it. One rating per unit
/// (<c>ux_sup_ratings_once</c>).
/// </summary>
public sealed class Rating
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public string BasicCode { get; set; } = "";
    public string ItemName { get; set; } = "";
    public Guid? HallId { get; set; }

    /// <summary>The rated step of the case's timeline; 0 for the rating of the whole case.</summary>
    public long StepId { get; set; }
    public string StepAction { get; set; } = "";
    public Guid? StaffId { get; set; }
    public string StaffName { get; set; } = "";
    public Guid? DepartmentId { get; set; }
    public string DepartmentName { get; set; } = "";
    public Satisfaction Level { get; set; }
    public RatingChannel Channel { get; set; }

    /// <summary>文字评价.</summary>
    public string Comment { get; set; } = "";
    public Guid RaterUserId { get; set; }
    public DateTimeOffset RatedAt { get; set; }
    public DateOnly RatedOn { get; set; }
    public AppealState Appeal { get; set; }

    public bool IsBad => Level >= Satisfaction.Dissatisfied;
}

public enum RectificationState
{
    /// <summary>Waiting for the department's call-back and rectification.</summary>
    Open = 1,

    /// <summary>Fed back to the applicant, who may now rate the rectification.</summary>
    FedBack = 2,

    /// <summary>The applicant rated the rectification.</summary>
    Closed = 3,

    /// <summary>The department appealed; a supervisor decides.</summary>
    Appealed = 4,

    /// <summary>The appeal was upheld: the rating does not count, nothing more to do.</summary>
    Voided = 5,
}

/// <summary>
/// 差评整改工单: opened with a bad rating, in the same transaction; the department (or hall) calls the applicant
/// back, rectifies and feeds back by <see cref="DueOn"/> (working days, <c>Supervision:RectifyWorkingDays</c>); the
/// applicant may rate the rectification; the department may appeal a malicious rating to a supervisor.
/// </summary>
public sealed class RectificationOrder : IAddressedToOffice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Number { get; set; } = "";
    public Guid RatingId { get; set; }
    public Guid CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public string ItemName { get; set; } = "";
    public Guid? DepartmentId { get; set; }
    public string DepartmentName { get; set; } = "";
    public Guid? HallId { get; set; }
    public string StaffName { get; set; } = "";
    public Satisfaction Level { get; set; }
    public string Complaint { get; set; } = "";
    public Guid RaterUserId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateOnly DueOn { get; set; }
    public RectificationState State { get; set; } = RectificationState.Open;

    /// <summary>回访: what the applicant said when called back.</summary>
    public string CallbackNote { get; set; } = "";

    /// <summary>整改措施及反馈.</summary>
    public string Rectification { get; set; } = "";
    public DateTimeOffset? FedBackAt { get; set; }
    public string FedBackByName { get; set; } = "";
    public Satisfaction? Rerating { get; set; }
    public string RerateComment { get; set; } = "";
    public DateTimeOffset? ReratedAt { get; set; }
    public string AppealReason { get; set; } = "";
    public DateTimeOffset? AppealedAt { get; set; }
    public string AppealDecision { get; set; } = "";
    public string AppealDecidedByName { get; set; } = "";
    public DateTimeOffset? AppealDecidedAt { get; set; }

    /// <summary>When the sweep reported it overdue to the supervisors (once).</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    public uint RowVersion { get; set; }

    public bool IsOverdue(DateOnly today) => State is RectificationState.Open && today > DueOn;

    /// <summary>回访 and 整改反馈 on an open work order: the applicant may now rate the rectification.</summary>
    public void FeedBack(string callbackNote, string rectification, string byName, DateTimeOffset at)
    {
        Require(RectificationState.Open, "fed back");
        CallbackNote = callbackNote.Trim();
        Rectification = rectification.Trim();
        FedBackAt = at.ToUniversalTime();
        FedBackByName = byName;
        State = RectificationState.FedBack;
    }

    /// <summary>申诉 against the rating of an open work order; the rating waits for the supervisors' decision.</summary>
    public void Appeal(Rating rating, string reason, DateTimeOffset at)
    {
        Require(RectificationState.Open, "appealed");
        RequireOwn(rating);
        AppealReason = reason.Trim();
        AppealedAt = at.ToUniversalTime();
        State = RectificationState.Appealed;
        rating.Appeal = AppealState.Pending;
    }

    /// <summary>申诉复核: upheld, the work order is void and the rating stops counting; rejected, it is open again.</summary>
    public void DecideAppeal(Rating rating, bool upheld, string note, string byName, DateTimeOffset at)
    {
        Require(RectificationState.Appealed, "decided on appeal");
        RequireOwn(rating);
        AppealDecision = note.Trim();
        AppealDecidedAt = at.ToUniversalTime();
        AppealDecidedByName = byName;
        State = upheld ? RectificationState.Voided : RectificationState.Open;
        rating.Appeal = upheld ? AppealState.Upheld : AppealState.Rejected;
    }

    /// <summary>The applicant rates the rectification they were fed back on; that closes the work order.</summary>
    public void Rerate(Satisfaction level, string comment, DateTimeOffset at)
    {
        Require(RectificationState.FedBack, "rerated");
        Rerating = level;
        RerateComment = comment.Trim();
        ReratedAt = at.ToUniversalTime();
        State = RectificationState.Closed;
    }

    private void Require(RectificationState state, string what)
    {
        if (State != state)
        {
            throw new InvalidOperationException($"Work order {Number} is {State}; only a {state} one is {what}.");
        }
    }

    private void RequireOwn(Rating rating)
    {
        if (rating.Id != RatingId)
        {
            throw new InvalidOperationException($"Rating {rating.Id} is not the one of work order {Number}.");
        }
    }
}

public enum ComplaintState
{
    Open = 1,
    Answered = 2,
}

/// <summary>
/// 投诉 (GB/T 39046 表10): a citizen's complaint about one of their cases or about a hall, routed to the department
/// handling the case (or the hall), answered by <see cref="DueOn"/> (working days, <c>Supervision:ComplaintWorkingDays</c>)
/// and watched by the sweep like a case: an unanswered complaint past its date is reported to the supervisors once.
/// </summary>
public sealed class Complaint : IAnswerable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Number { get; set; } = "";

    /// <summary>投诉人.</summary>
    public Guid ComplainantUserId { get; set; }
    public string ComplainantName { get; set; } = "";

    /// <summary>投诉标题 / 投诉内容.</summary>
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";

    /// <summary>投诉来源 (the rating channels: 1 PC, 2 mobile …).</summary>
    public RatingChannel Source { get; set; }
    public Guid? CaseId { get; set; }
    public string CaseNumber { get; set; } = "";

    /// <summary>被投诉单位: the hall, and the department when the case is with one.</summary>
    public Guid? HallId { get; set; }
    public string HallName { get; set; } = "";
    public Guid? DepartmentId { get; set; }
    public string DepartmentName { get; set; } = "";

    /// <summary>被投诉人 (optional, as the citizen names them).</summary>
    public string Respondent { get; set; } = "";
    public DateTimeOffset FiledAt { get; set; }

    /// <summary>承诺时限.</summary>
    public DateOnly DueOn { get; set; }
    public ComplaintState State { get; set; } = ComplaintState.Open;

    /// <summary>反馈信息, 承办人, 反馈时间.</summary>
    public string Answer { get; set; } = "";
    public string AnsweredByName { get; set; } = "";
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When the sweep reported it overdue to the supervisors (once).</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    public uint RowVersion { get; set; }

    public bool AwaitsAnswer => State == ComplaintState.Open;

    /// <summary>反馈: the department (or hall) complained about answers once; the complainant is told.</summary>
    public void RecordAnswer(string text, string byName, DateTimeOffset at)
    {
        if (!AwaitsAnswer)
        {
            throw new InvalidOperationException($"Complaint {Number} is {State}; only an open complaint is answered.");
        }

        Answer = text.Trim();
        AnsweredAt = at.ToUniversalTime();
        AnsweredByName = byName;
        State = ComplaintState.Answered;
    }

    /// <summary>超期天数 (calendar days past the promised date; 0 while in time).</summary>
    public int DaysOverdue(DateOnly today) => State == ComplaintState.Open && today > DueOn ? today.DayNumber - DueOn.DayNumber : 0;
}
