using GovService.Web.Infrastructure.Auditing;

namespace GovService.Web.Modules.Assistance.Domain;

public enum RequestKind
{
    /// <summary>代办: the agent takes the matter from the citizen to the office.</summary>
    Errand = 1,

    /// <summary>上门办: the agent comes to the citizen's home (the old, the sick, the disabled).</summary>
    HomeVisit = 2,

    /// <summary>帮办 for a company (法人): a named helper guides it through a 一件事 or a project.</summary>
    CompanyHelp = 3,
}

/// <summary>Where the request was made.</summary>
public enum RequestChannel
{
    Online = 1,

    /// <summary>By telephone, written down by a clerk.</summary>
    Phone = 2,

    /// <summary>At the village station, written down by its agent.</summary>
    Station = 3,

    /// <summary>At the 帮办代办 window of a hall.</summary>
    Window = 4,
}

/// <summary>The three levels of the network (村代收、乡镇转办、县审批): whose agents a request is offered to.</summary>
public enum AgentLevel
{
    Village = 1,
    Township = 2,
    County = 3,
}

public enum RequestState
{
    /// <summary>待接单: in the pool of its level's agents.</summary>
    Waiting = 1,

    /// <summary>已接单: an agent has it; they contact the citizen, collect the materials and file the case.</summary>
    Accepted = 2,

    /// <summary>已申报: the case is filed; the agent follows it to delivery.</summary>
    Filed = 3,

    /// <summary>已办结: the case ended (or the 帮办 was closed by its helper).</summary>
    Done = 4,

    /// <summary>已取消 by the citizen.</summary>
    Cancelled = 5,
}

/// <summary>How a 回访 (follow-up call) went.</summary>
public enum FollowUpResult
{
    Satisfied = 1,
    Basic = 2,
    Dissatisfied = 3,

    /// <summary>未接通: the citizen could not be reached.</summary>
    NotReached = 4,
}

/// <summary>The step of a request a deadline belongs to.</summary>
public enum RequestStep
{
    /// <summary>接单: an agent of the level takes it (a county request unaccepted by its time is carded).</summary>
    Accept = 1,

    /// <summary>申报: the accepted request filed as a case.</summary>
    File = 2,
}

/// <summary>
/// A request for 代办, 上门办 or 帮办. It starts in the pool of a level, escalates a level when nobody of it accepts in time,
/// is accepted by exactly one agent, filed as a case and done when the case ends. Every transition is a method that refuses
/// what the state does not allow; <see cref="Version"/> (xmin) gives a race of two agents accepting one winner.
/// </summary>
public sealed class AssistanceRequest : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>代办单号, DL series.</summary>
    public string Number { get; set; } = "";

    public RequestKind Kind { get; set; }
    public RequestChannel Channel { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string RecordedByName { get; set; } = "";

    /// <summary>The citizen's account when they have one (online requests always; others when the ID number matches one).</summary>
    public Guid? CitizenUserId { get; set; }

    /// <summary>The person (or, for 帮办, the company) the matter is for.</summary>
    public string ApplicantName { get; set; } = "";

    /// <summary>公民身份号码, or 统一社会信用代码 for a company.</summary>
    public string ApplicantIdNumber { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string Mobile { get; set; } = "";

    /// <summary>上门办: where to come.</summary>
    public string Address { get; set; } = "";

    /// <summary>The citizen's village (null for a company, whose 帮办 is the county's).</summary>
    public Guid? VillageId { get; set; }

    /// <summary>The item (basic code) or, for 帮办 of a 一件事, the bundle's code; empty for a project.</summary>
    public string ItemCode { get; set; } = "";

    /// <summary>The item's name, the bundle's or the project's.</summary>
    public string Subject { get; set; } = "";

    /// <summary>到办事现场次数 the item's guide asks of the citizen (what the agent spares them).</summary>
    public int VisitsNeeded { get; set; }
    public string Note { get; set; } = "";

    public AgentLevel Level { get; private set; }

    /// <summary>The region whose agents may accept it now (the village, the township or the county).</summary>
    public Guid PoolRegionId { get; private set; }
    public DateTimeOffset AcceptDueAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }

    public RequestState State { get; private set; } = RequestState.Waiting;
    public Guid? AgentUserId { get; private set; }
    public string AgentName { get; private set; } = "";
    public AgentLevel? AcceptedAtLevel { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? FileDueAt { get; private set; }

    public Guid? CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public DateTimeOffset? FiledAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string Outcome { get; private set; } = "";

    /// <summary>Accepted by its accept time and filed by its file time (a 帮办 by its accept time): 按时办结.</summary>
    public bool? OnTime { get; private set; }

    /// <summary>Visits to a hall the citizen did not have to make (set when done).</summary>
    public int VisitsSaved { get; private set; }

    public DateTimeOffset? FollowUpAt { get; private set; }
    public string FollowUpByName { get; private set; } = "";
    public FollowUpResult? FollowUp { get; private set; }
    public string FollowUpNote { get; private set; } = "";

    public uint Version { get; set; }

    public bool IsOpen => State is RequestState.Waiting or RequestState.Accepted or RequestState.Filed;

    /// <summary>Offers the request to a level's agents until <paramref name="due"/>.</summary>
    public void OfferTo(AgentLevel level, Guid poolRegionId, DateTimeOffset due, DateTimeOffset now)
    {
        if (State != RequestState.Waiting)
        {
            throw new InvalidOperationException($"Request {Number} is {State}; only a waiting request is offered to a level.");
        }

        if (PoolRegionId != Guid.Empty && level <= Level)
        {
            throw new InvalidOperationException($"Request {Number} is at level {Level}; it escalates upwards only.");
        }

        EscalatedAt = PoolRegionId == Guid.Empty ? null : now;
        Level = level;
        PoolRegionId = poolRegionId;
        AcceptDueAt = due;
    }

    public void Accept(Guid agentUserId, string agentName, DateTimeOffset now, DateTimeOffset? fileDue)
    {
        if (State != RequestState.Waiting)
        {
            throw new InvalidOperationException($"Request {Number} is {State}; only a waiting request can be accepted.");
        }

        State = RequestState.Accepted;
        AgentUserId = agentUserId;
        AgentName = agentName;
        AcceptedAtLevel = Level;
        AcceptedAt = now;
        FileDueAt = fileDue;
    }

    /// <summary>The case filed for it (by its agent, within a mandate).</summary>
    public void RecordFiled(Guid caseId, DateTimeOffset now)
    {
        if (State != RequestState.Accepted || Kind == RequestKind.CompanyHelp)
        {
            throw new InvalidOperationException($"Request {Number} is {State}; only an accepted 代办 is filed.");
        }

        State = RequestState.Filed;
        CaseId = caseId;
        FiledAt = now;
    }

    /// <summary>The case ended (delivered, or ended without a result), or a 帮办 closed by its helper.</summary>
    public void Finish(string outcome, DateTimeOffset now, string? caseNumber = null)
    {
        var allowed = Kind == RequestKind.CompanyHelp ? State == RequestState.Accepted : State == RequestState.Filed;
        if (!allowed)
        {
            throw new InvalidOperationException($"Request {Number} is {State}; it cannot be finished.");
        }

        State = RequestState.Done;
        DoneAt = now;
        Outcome = outcome;
        CaseNumber = caseNumber ?? CaseNumber;
        OnTime = AcceptedAt <= AcceptDueAt && (Kind == RequestKind.CompanyHelp || FiledAt <= FileDueAt);
        // The trips the guide asks for (at least the one to hand the application in), and the trip to the station
        // for a home visit.
        VisitsSaved = Kind == RequestKind.CompanyHelp ? 0 : Math.Max(1, VisitsNeeded) + (Kind == RequestKind.HomeVisit ? 1 : 0);
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        if (State is not (RequestState.Waiting or RequestState.Accepted))
        {
            throw new InvalidOperationException($"Request {Number} is {State}; only a request not yet filed can be cancelled.");
        }

        State = RequestState.Cancelled;
        DoneAt = now;
        Outcome = reason;
    }

    /// <summary>回访 after the request is done.</summary>
    public void RecordFollowUp(FollowUpResult result, string note, string byName, DateTimeOffset now)
    {
        if (State != RequestState.Done)
        {
            throw new InvalidOperationException($"Request {Number} is {State}; a follow-up call comes after it is done.");
        }

        FollowUp = result;
        FollowUpNote = note;
        FollowUpByName = byName;
        FollowUpAt = now;
    }
}

/// <summary>How the agent reached the citizen, or what the helper did for the company.</summary>
public enum ContactWay
{
    Phone = 1,
    Visit = 2,
    AtStation = 3,
    Message = 4,

    /// <summary>帮办: guidance given (指导、帮助准备、陪同).</summary>
    Guidance = 5,
}

/// <summary>One entry of a request's contact log (联系记录 / 帮办记录): inserted, never changed.</summary>
public sealed class RequestContact
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public DateTimeOffset At { get; set; }
    public ContactWay Way { get; set; }
    public string ByName { get; set; } = "";
    public string Note { get; set; } = "";
}

public enum CardColour
{
    Yellow = 1,
    Red = 2,
}

/// <summary>A yellow or red card on a request's step deadline, as the case cards are: once per step and colour.</summary>
public sealed class RequestCard
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public RequestStep Step { get; set; }
    public CardColour Colour { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
