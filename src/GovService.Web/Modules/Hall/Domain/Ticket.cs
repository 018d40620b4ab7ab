using GovService.Web.Modules.Hall.Contracts;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Hall.Domain;

public enum TicketState
{
    /// <summary>In the queue of its category.</summary>
    Waiting = 1,

    /// <summary>Called to a window (叫号), not yet served.</summary>
    Called = 2,

    /// <summary>Being served at the window (开始办理).</summary>
    Serving = 3,

    /// <summary>Service finished (办结).</summary>
    Finished = 4,

    /// <summary>过号: called and absent. May go back into the queue once.</summary>
    NoShow = 5,
}

/// <summary>Whether the window's rating device asks for a rating of this ticket's service.</summary>
public enum TicketRating
{
    None = 0,

    /// <summary>Finished with a case: the device asks for 好差评.</summary>
    Awaiting = 1,
    Rated = 2,
}

/// <summary>
/// A queue ticket (排队号) of one hall, day and window category. Its state changes only through the methods below,
/// each refusing a transition it does not allow (<see cref="TicketTransitionException"/>).
/// </summary>
public sealed class Ticket
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HallId { get; set; }
    public string HallName { get; set; } = "";

    /// <summary>The hall's day (Asia/Shanghai) the ticket was issued on; numbers restart each day.</summary>
    public DateOnly Day { get; set; }
    public WindowCategory Category { get; set; }
    public int Sequence { get; set; }

    /// <summary>The called number: the category's letter and the day's sequence (A001).</summary>
    public string Code { get; set; } = "";
    public string PersonName { get; set; } = "";
    public string? IdNumber { get; set; }
    public string? Mobile { get; set; }
    public string? ItemCode { get; set; }
    public string? ItemName { get; set; }
    public PriorityReason Priority { get; set; }

    /// <summary>The queue order inside the category: lower first (<see cref="QueueOrder.Rank"/>).</summary>
    public int Rank { get; set; }
    public Guid? AppointmentId { get; set; }

    /// <summary>The citizen's account when the ticket is theirs by a booking they checked in: they see it on their phone.</summary>
    public Guid? AccountId { get; set; }
    public TicketSource Source { get; set; }
    public TicketState State { get; set; } = TicketState.Waiting;
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>When it (re)joined the queue of its category: issued, transferred or re-queued after 过号.</summary>
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? FirstCalledAt { get; set; }
    public DateTimeOffset? CalledAt { get; set; }
    public int Calls { get; set; }
    public Guid? WindowId { get; set; }
    public int? WindowNumber { get; set; }
    public Guid? StaffId { get; set; }
    public string StaffName { get; set; } = "";
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? AbsentAt { get; set; }

    /// <summary>过号 once already re-queued: a second absence ends the ticket.</summary>
    public bool Requeued { get; set; }
    public int Transfers { get; set; }

    /// <summary>The case window intake made of this service (办件), set in the intake transaction.</summary>
    public Guid? CaseId { get; set; }
    public TicketRating Rating { get; set; }
    public uint Version { get; set; }

    public bool IsActive => State is TicketState.Called or TicketState.Serving;

    public void Call(Guid windowId, int windowNumber, Guid staffId, string staffName, DateTimeOffset at)
    {
        Require(State == TicketState.Waiting, nameof(Call));
        State = TicketState.Called;
        WindowId = windowId;
        WindowNumber = windowNumber;
        StaffId = staffId;
        StaffName = staffName;
        CalledAt = at;
        FirstCalledAt ??= at;
        Calls++;
    }

    /// <summary>重呼: called again to the same window.</summary>
    public void Recall(DateTimeOffset at)
    {
        Require(State == TicketState.Called, nameof(Recall));
        CalledAt = at;
        Calls++;
    }

    /// <summary>过号: absent when called.</summary>
    public void MarkAbsent(DateTimeOffset at)
    {
        Require(State == TicketState.Called, nameof(MarkAbsent));
        State = TicketState.NoShow;
        AbsentAt = at;
    }

    /// <summary>An absent person came back: the ticket goes to the end of its queue, once.</summary>
    public void Requeue(DateTimeOffset at)
    {
        Require(State == TicketState.NoShow && !Requeued, nameof(Requeue));
        State = TicketState.Waiting;
        Requeued = true;
        QueuedAt = at;
        LeaveWindow();
    }

    /// <summary>转移: the person needs another category's window; the ticket keeps its number and priority and queues there.</summary>
    public void Transfer(WindowCategory to, DateTimeOffset at)
    {
        Require(State is TicketState.Called or TicketState.Serving && to != Category, nameof(Transfer));
        Category = to;
        State = TicketState.Waiting;
        QueuedAt = at;
        Transfers++;
        StartedAt = null;
        LeaveWindow();
    }

    public void Start(DateTimeOffset at)
    {
        Require(State == TicketState.Called, nameof(Start));
        State = TicketState.Serving;
        StartedAt = at;
    }

    /// <summary>办结: with a case the window's rating device asks for 好差评.</summary>
    public void Finish(DateTimeOffset at)
    {
        Require(State == TicketState.Serving, nameof(Finish));
        State = TicketState.Finished;
        FinishedAt = at;
        Rating = CaseId is null ? TicketRating.None : TicketRating.Awaiting;
    }

    /// <summary>The case made of this service at the window; only while it is served, once.</summary>
    public bool LinkCase(Guid caseId, Guid staffId)
    {
        if (State != TicketState.Serving || StaffId != staffId || CaseId is not null)
        {
            return false;
        }

        CaseId = caseId;
        return true;
    }

    public void Rated()
    {
        Require(Rating == TicketRating.Awaiting, nameof(Rated));
        Rating = TicketRating.Rated;
    }

    private void LeaveWindow()
    {
        WindowId = null;
        WindowNumber = null;
        StaffId = null;
        StaffName = "";
        CalledAt = null;
    }

    private void Require(bool allowed, string action)
    {
        if (!allowed)
        {
            throw new TicketTransitionException(Code, State, action);
        }
    }
}

public sealed class TicketTransitionException(string code, TicketState state, string action)
    : InvalidOperationException($"Ticket {code} in state {state} cannot {action}.")
{
    public TicketState State { get; } = state;
}
