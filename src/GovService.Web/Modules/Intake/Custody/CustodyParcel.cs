namespace GovService.Web.Modules.Intake.Custody;

/// <summary>What travels between the receiving place and the handling place (收受分离).</summary>
public enum ParcelKind
{
    /// <summary>纸质原件: the signed paper originals the receiving window took in, on their way to the deciding department's archive.</summary>
    Originals = 1,

    /// <summary>办理结果: the paper result (decision, licence print), on its way back to the place the applicant collects it at.</summary>
    Result = 2,
}

public enum ParcelState
{
    /// <summary>Still at the place it starts from, waiting to be sent.</summary>
    Waiting = 1,

    /// <summary>On its way (by courier, internal mail or by hand).</summary>
    InTransit = 2,

    /// <summary>Received at its destination.</summary>
    Received = 3,

    /// <summary>Originals filed in the department's archive (归档): their journey is over.</summary>
    Archived = 4,

    /// <summary>A result handed to the applicant (or their agent): its journey is over.</summary>
    HandedOver = 5,
}

public enum ParcelCarrier
{
    /// <summary>快递 (EMS …), with a tracking number.</summary>
    Courier = 1,

    /// <summary>内部交换 (机要 / 内部公文交换), with its slip number.</summary>
    InternalMail = 2,

    /// <summary>专人送达: carried by a member of staff or the agent.</summary>
    ByHand = 3,
}

/// <summary>
/// 原件流转: one parcel of a case's paper, from where it is (a hall, a department) to where it must go, with its own clock:
/// each leg is due within <see cref="CustodyOptions.MoveWorkingDays"/> working days (sent after it was opened, received
/// after it was sent). The parcel guards its own moves; every move is kept (<see cref="CustodyMove"/>).
/// </summary>
public sealed class CustodyParcel
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public ParcelKind Kind { get; set; }

    /// <summary>What is in it, as the label reads: the materials and their counts, or the result's documents.</summary>
    public string Contents { get; set; } = "";

    /// <summary>Where it starts: a hall (the receiving window) or a department (the deciding one).</summary>
    public Guid? FromHallId { get; set; }
    public Guid? FromDepartmentId { get; set; }
    public string FromName { get; set; } = "";

    /// <summary>Where it goes: a hall (the place the result is collected at) or a department (its archive).</summary>
    public Guid? ToHallId { get; set; }
    public Guid? ToDepartmentId { get; set; }
    public string ToName { get; set; } = "";

    public ParcelState State { get; set; } = ParcelState.Waiting;
    public ParcelCarrier? Carrier { get; set; }

    /// <summary>The courier's tracking number or the internal mail's slip number.</summary>
    public string Tracking { get; set; } = "";

    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The day the current leg is due: sending while waiting, receipt while in transit; none once received.</summary>
    public DateOnly? DueOn { get; set; }
    public uint RowVersion { get; set; }

    public bool IsOverdue(DateOnly today) => DueOn is { } due && due < today && State is ParcelState.Waiting or ParcelState.InTransit;

    /// <summary>Opens a parcel at its starting place, due to be sent by <paramref name="sendBy"/>.</summary>
    public static CustodyParcel Open(Guid caseId, ParcelKind kind, string contents, (Guid? Hall, Guid? Department, string Name) from, (Guid? Hall, Guid? Department, string Name) to, DateTimeOffset at, DateOnly sendBy) => new()
    {
        CaseId = caseId,
        Kind = kind,
        Contents = contents,
        FromHallId = from.Hall,
        FromDepartmentId = from.Department,
        FromName = from.Name,
        ToHallId = to.Hall,
        ToDepartmentId = to.Department,
        ToName = to.Name,
        OpenedAt = at.ToUniversalTime(),
        DueOn = sendBy,
    };

    /// <summary>Sent on its way; due at the destination by <paramref name="receiveBy"/>. Throws unless it is waiting.</summary>
    public void Send(ParcelCarrier carrier, string tracking, DateTimeOffset at, DateOnly receiveBy)
    {
        Require(ParcelState.Waiting, "sent");
        if (carrier is not (ParcelCarrier.Courier or ParcelCarrier.InternalMail or ParcelCarrier.ByHand))
        {
            throw new ArgumentOutOfRangeException(nameof(carrier), carrier, "Not a carrier.");
        }

        if (carrier != ParcelCarrier.ByHand && string.IsNullOrWhiteSpace(tracking))
        {
            throw new ArgumentException("A courier or internal mail needs its tracking or slip number.", nameof(tracking));
        }

        Carrier = carrier;
        Tracking = tracking.Trim();
        SentAt = at.ToUniversalTime();
        DueOn = receiveBy;
        State = ParcelState.InTransit;
    }

    /// <summary>Received at the destination. Throws unless it is on its way.</summary>
    public void Receive(DateTimeOffset at)
    {
        Require(ParcelState.InTransit, "received");
        ReceivedAt = at.ToUniversalTime();
        DueOn = null;
        State = ParcelState.Received;
    }

    /// <summary>Originals filed in the department's archive. Throws for a result or a parcel not received.</summary>
    public void Archive(DateTimeOffset at)
    {
        if (Kind != ParcelKind.Originals)
        {
            throw new InvalidOperationException("Only originals are archived; a result is handed over.");
        }

        Require(ParcelState.Received, "archived");
        ClosedAt = at.ToUniversalTime();
        State = ParcelState.Archived;
    }

    /// <summary>A result handed over where it was received. Throws for originals or a result not received.</summary>
    public void HandOver(DateTimeOffset at)
    {
        if (Kind != ParcelKind.Result)
        {
            throw new InvalidOperationException("Only a result is handed over; originals are archived.");
        }

        Require(ParcelState.Received, "handed over");
        ClosedAt = at.ToUniversalTime();
        State = ParcelState.HandedOver;
    }

    private void Require(ParcelState state, string what)
    {
        if (State != state)
        {
            throw new InvalidOperationException($"A parcel {State} cannot be {what}.");
        }
    }
}

/// <summary>One move of a parcel: what happened, when, by whom at which place, and the carrier's number.</summary>
public sealed class CustodyMove
{
    public long Id { get; set; }
    public Guid ParcelId { get; set; }
    public DateTimeOffset At { get; set; }
    public ParcelState State { get; set; }
    public Guid? StaffId { get; set; }
    public string ByName { get; set; } = "";
    public string Place { get; set; } = "";
    public string Note { get; set; } = "";
}

/// <summary>Intake:Custody: how many working days each leg of a parcel's journey may take (sending, then receipt).</summary>
public sealed class CustodyOptions
{
    public const string Section = "Intake:Custody";

    public int MoveWorkingDays { get; set; } = 2;
}
