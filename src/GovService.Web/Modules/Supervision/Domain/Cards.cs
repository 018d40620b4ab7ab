namespace GovService.Web.Modules.Supervision.Domain;

public enum DeadlineKind
{
    /// <summary>承诺办结时限 of the case.</summary>
    Promised = 1,

    /// <summary>法定办结时限 of the case.</summary>
    Statutory = 2,

    /// <summary>The time limit of one approval step (a step running late even when the case is not).</summary>
    Step = 3,
}

public enum CardColour
{
    /// <summary>黄牌: 即将超时 (the yellow rule of the item or step holds).</summary>
    Yellow = 1,

    /// <summary>红牌: 超时 (the deadline has passed).</summary>
    Red = 2,
}

/// <summary>
/// A yellow or red card (红黄牌) on one deadline of one case or step. At most one of each colour per deadline,
/// guaranteed by a unique index; closed (never deleted) when the case or step finishes.
/// </summary>
public sealed class Card
{
    public static readonly Guid CaseLevel = Guid.Empty;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }

    /// <summary>The step the card is about; <see cref="CaseLevel"/> for the case's own deadlines.</summary>
    public Guid TaskId { get; set; }
    public DeadlineKind Deadline { get; set; }
    public CardColour Colour { get; set; }
    public string CaseNumber { get; set; } = "";
    public string ItemName { get; set; } = "";
    public string BasicCode { get; set; } = "";
    public Guid? HallId { get; set; }
    public Guid? DepartmentId { get; set; }
    public string StepName { get; set; } = "";
    public DateOnly DueOn { get; set; }

    /// <summary>The day (Asia/Shanghai) the sweep evaluated when it issued the card.</summary>
    public DateOnly IssuedOn { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>
/// The yellow-card rule of an item (<see cref="StepName"/> empty) or of one of its steps: a percentage of the
/// working time elapsed, working days left, or both (either one triggers). Without a rule the defaults apply
/// (Supervision:YellowPercent, Supervision:YellowDaysLeft).
/// </summary>
public sealed class CardRule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string BasicCode { get; set; } = "";
    public string StepName { get; set; } = "";
    public int? YellowPercent { get; set; }
    public int? YellowDaysLeft { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum OrderState
{
    Open = 1,
    Answered = 2,

    /// <summary>The supervisor accepted the answer (办结).</summary>
    Closed = 3,

    /// <summary>撤销: the case ended (withdrawn, terminated …) before the order was settled; nothing is left to answer.</summary>
    Moot = 4,
}

/// <summary>
/// 监察规则编号 of a supervision order (GB/T 39046 表11): what opened it. Stored and exchanged as the code; people read
/// its name (<see cref="NameKey"/>), never the code.
/// </summary>
public static class MonitoringRules
{
    public const string PromisedOverdue = "PROMISED-OVERDUE";
    public const string StatutoryOverdue = "STATUTORY-OVERDUE";
    public const string StepOverdue = "STEP-OVERDUE";

    /// <summary>Opened by a supervisor from a case's record.</summary>
    public const string Manual = "MANUAL";

    public static readonly IReadOnlyList<string> All = [PromisedOverdue, StatutoryOverdue, StepOverdue, Manual];

    /// <summary>The resource key of the rule's name.</summary>
    public static string NameKey(string code) => $"Supervision.MonitoringRule.{code}";
}

/// <summary>
/// A supervision order (督办单, GB/T 39046 表11 电子监察): opened by a red card or by a supervisor, to the responsible
/// department (or the accepting hall when no department holds the case), answered in the portal before its
/// response date; unanswered it escalates one level (level 1: the nearest supervisors, level 2: the next up).
/// </summary>
public sealed class SupervisionOrder : IAnswerable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>监察编号.</summary>
    public string Number { get; set; } = "";
    public Guid? CardId { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>办件编号.</summary>
    public string CaseNumber { get; set; } = "";
    public string ItemName { get; set; } = "";

    /// <summary>督办内容.</summary>
    public string Content { get; set; } = "";

    /// <summary>被督办机构 / 责任部门 (null: the accepting hall answers).</summary>
    public Guid? DepartmentId { get; set; }
    public string DepartmentName { get; set; } = "";
    public Guid? HallId { get; set; }

    /// <summary>监察规则编号, one of <see cref="MonitoringRules"/>.</summary>
    public string RuleCode { get; set; } = "";

    /// <summary>监察预警类型代码 报警 (alarm): an order the sweep opens on a red card.</summary>
    public const int OverdueWarning = 2;

    /// <summary>The level an order starts at; each missed response raises it by one (the sweep).</summary>
    public const int FirstLevel = 0;

    /// <summary>The highest level: the county's office, above which nothing escalates further.</summary>
    public const int TopLevel = 2;

    /// <summary>监察预警类型代码: 1 预警, 2 报警, 3 提醒 (the standard gives no list; these follow common practice).</summary>
    public int WarningType { get; set; } = OverdueWarning;

    /// <summary>督办发出时间.</summary>
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>状态产生时间: when the order last changed state or level.</summary>
    public DateTimeOffset StateChangedAt { get; set; }
    public DateOnly ResponseDue { get; set; }
    public OrderState State { get; set; } = OrderState.Open;
    public int Level { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>监察结果描述: the department's answer.</summary>
    public string Result { get; set; } = "";
    public string AnsweredByName { get; set; } = "";
    public DateTimeOffset? AnsweredAt { get; set; }
    public Guid? OpenedByStaffId { get; set; }
    public string OpenedByName { get; set; } = "";
    public string ClosingNote { get; set; } = "";
    public uint RowVersion { get; set; }

    public bool IsSettled => State is OrderState.Closed or OrderState.Moot;

    public bool AwaitsAnswer => State == OrderState.Open;

    /// <summary>监察结果: the addressed department (or hall) answers an open order; the supervisors over the hall are told.</summary>
    public void RecordAnswer(string text, string byName, DateTimeOffset at)
    {
        if (!AwaitsAnswer)
        {
            throw new InvalidOperationException($"Order {Number} is {State}; only an open order is answered.");
        }

        var now = at.ToUniversalTime();
        Result = text.Trim();
        AnsweredAt = now;
        AnsweredByName = byName;
        State = OrderState.Answered;
        StateChangedAt = now;
    }

    /// <summary>办结: a supervisor accepts the answer of an answered order.</summary>
    public void Close(string note, DateTimeOffset at)
    {
        if (State != OrderState.Answered)
        {
            throw new InvalidOperationException($"Order {Number} is {State}; only an answered order is closed.");
        }

        State = OrderState.Closed;
        ClosingNote = note.Trim();
        StateChangedAt = at.ToUniversalTime();
    }

    /// <summary>The case it is about has ended: an order not yet settled closes as moot, with the reason as its note.</summary>
    public void CloseAsMoot(string reason, DateTimeOffset at)
    {
        if (IsSettled)
        {
            throw new InvalidOperationException($"Order {Number} is {State} already.");
        }

        State = OrderState.Moot;
        ClosingNote = reason.Trim();
        StateChangedAt = at.ToUniversalTime();
    }
}

/// <summary>
/// The working days numbered (n = working days from 2015-01-01 up to and including the day), kept by the
/// sweep from the working calendar (two years ahead), so that SQL counts working days by subtraction.
/// </summary>
public sealed class WorkingDayNumber
{
    public DateOnly Day { get; set; }
    public int Number { get; set; }
}

/// <summary>
/// The dashboard's case figures rolled up per acceptance day, hall and item (<c>sup_case_days</c>), refreshed by the
/// <c>supervision.facts-refresh</c> job from Intake's views: the recent days and every day with open cases every few
/// minutes, everything nightly. Sums only, so any period, hall or item adds up from a few thousand rows.
/// </summary>
public sealed class CaseDayFacts
{
    public DateOnly Day { get; set; }
    public Guid HallId { get; set; }
    public string BasicCode { get; set; } = "";
    public string ItemName { get; set; } = "";
    public int Cases { get; set; }
    public int Open { get; set; }

    /// <summary>Open cases past their promised day on the day of the refresh (a paused clock is not late).</summary>
    public int Overdue { get; set; }
    public int Decided { get; set; }
    public int OnTime { get; set; }

    /// <summary>Working days from acceptance to decision, summed over the <see cref="DecidedCounted"/> decided cases.</summary>
    public long WorkingDaysSum { get; set; }
    public int DecidedCounted { get; set; }
    public int Supplemented { get; set; }
    public long VisitsSum { get; set; }
    public int WithoutVisit { get; set; }
    public int MaterialsRequired { get; set; }
    public int MaterialsReused { get; set; }
    public int Repeated { get; set; }
    public int ExtraVisits { get; set; }
    public int SecondSupplement { get; set; }
    public DateTimeOffset RefreshedAt { get; set; }
}

/// <summary>
/// A counter every deadline sweep raises in its own transaction (one row, <c>sup_sweep_state</c>). Cards change in
/// the sweep only, so the dashboard keeps its card figures in memory until the counter moves, on any instance.
/// </summary>
public sealed class SweepState
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Revision { get; set; }
    public DateTimeOffset? SweptAt { get; set; }
}
