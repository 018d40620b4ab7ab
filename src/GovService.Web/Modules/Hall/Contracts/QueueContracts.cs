using GovService.Web.Modules.Organization.Contracts;

namespace GovService.Web.Modules.Hall.Contracts;

/// <summary>
/// Why a ticket is called before the others of its category (优先). A ticket may carry several; its rank is the
/// highest one (<see cref="QueueOrder"/>).
/// </summary>
[Flags]
public enum PriorityReason
{
    None = 0,

    /// <summary>老年人: 60 or older by the ID number's birth date (set by the hall, never declared).</summary>
    Elderly = 1,

    /// <summary>残疾人 (declared, the clerk or kiosk confirms).</summary>
    Disabled = 2,

    /// <summary>预约: checked in for an appointment.</summary>
    Appointment = 4,

    /// <summary>绿色通道: named by the hall (重点项目, 特殊群体), issued by staff only.</summary>
    GreenChannel = 8,
}

/// <summary>
/// A ticket to issue: at a hall, for one window category (the queue), for a person; optionally for an item (then
/// starting service opens window intake for it) and for an appointment (the appointment check-in calls this).
/// </summary>
public sealed record TicketRequest(
    Guid HallId,
    WindowCategory Category,
    string PersonName,
    string? IdNumber,
    string? Mobile,
    string? ItemCode,
    PriorityReason Priority,
    Guid? AppointmentId,
    TicketSource Source);

public enum TicketSource
{
    Kiosk = 1,
    Clerk = 2,
    Appointment = 3,
}

/// <summary>An issued ticket: its number (A012), how many are ahead of it and the estimated wait in minutes.</summary>
public sealed record IssuedTicket(Guid Id, string Code, int Ahead, int EstimatedWaitMinutes);

/// <summary>What issuing came to: the ticket, or the errors by field name.</summary>
public sealed record TicketIssue(IssuedTicket? Ticket, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>Queue tickets (取号): the one way a ticket is issued — kiosk, 导服 clerk and appointment check-in alike.</summary>
public interface IQueueTickets
{
    Task<TicketIssue> IssueAsync(TicketRequest request, CancellationToken cancellationToken = default);
}
