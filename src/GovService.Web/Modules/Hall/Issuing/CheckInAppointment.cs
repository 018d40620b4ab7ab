using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Appointments.Contracts;
using GovService.Web.Modules.Hall.Contracts;
using GovService.Web.Modules.Hall.Queries;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Shared.Calendar;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Hall.Issuing;

/// <summary>What a check-in came to: the priority ticket, or the message to show next to the code (or on the list).</summary>
public sealed record CheckInTicket(IssuedTicket? Ticket, string? Error, CheckInRefusal Refusal = CheckInRefusal.None);

/// <summary>
/// 预约签到取号: checks a booking in (<see cref="IAppointmentCheckIn"/>) and issues its priority ticket (预约) in ONE
/// transaction, with the citizen's inbox and text notice; the hall's screens are told after the commit. When anything
/// fails the transaction rolls back and the booking stays booked. Two kiosks (or a kiosk and the phone) checking the same
/// booking in at once: the booking's conditional update lets one through, and the unique ticket per appointment holds it.
/// </summary>
public sealed class CheckInAppointment(
    GovDbContext db,
    IAppointmentCheckIn checkIn,
    IssueTicket issue,
    QueueQueries queue,
    INotifications notifications,
    IStringLocalizer<SharedResource> l,
    ILogger<CheckInAppointment> logger)
{
    /// <summary>At the hall's kiosk, with the six-digit check-in code.</summary>
    public Task<CheckInTicket> AtKioskAsync(Guid hallId, string? code, CancellationToken ct) =>
        RunAsync(c => checkIn.CheckInAsync(hallId, code ?? "", c), ct);

    /// <summary>到达签到取号 from the citizen's phone (My appointments), for their own booking.</summary>
    public Task<CheckInTicket> RemoteAsync(Guid userId, Guid appointmentId, CancellationToken ct) =>
        RunAsync(c => checkIn.CheckInOwnAsync(userId, appointmentId, c), ct);

    private async Task<CheckInTicket> RunAsync(Func<CancellationToken, Task<CheckInOutcome>> arrive, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await arrive(ct);
        if (outcome.Appointment is not { } a)
        {
            return new CheckInTicket(null, Explain(outcome), outcome.Refusal);
        }

        // A 一件事 bundle has no single item to open window intake with: the ticket names none.
        var request = new TicketRequest(a.HallId, a.WindowCategory, a.PersonName, a.IdNumber, a.Mobile, a.IsBundle ? null : a.ItemCode,
            PriorityReason.Appointment, a.AppointmentId, TicketSource.Appointment);
        var (ticket, errors) = await issue.AddAsync(request, a.UserId, ct);
        if (ticket is null)
        {
            logger.LogWarning("Appointment {AppointmentNumber} could not be given a ticket: {Errors}; it stays booked", a.Number, string.Join("; ", errors.Select(e => e.Field)));
            return new CheckInTicket(null, errors[0].Message);
        }

        var ahead = await queue.AheadAsync(ticket.Id, ct);
        var text = l["Hall.CheckedInText", ticket.Code, ahead.Ahead, ahead.EstimatedWaitMinutes].Value;
        await notifications.PostAsync(
            [new Notice($"hall:ticket:{ticket.Id}:issued", a.UserId, a.Mobile, l["Hall.CheckedInTitle"], $"{ticket.HallName} · {l["WindowCategory." + ticket.Category]} · {text}",
                $"/my/appointments/{a.AppointmentId}/ticket", text)],
            ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Appointment {AppointmentNumber} checked in with ticket {TicketCode}", a.Number, ticket.Code);
        return new CheckInTicket((await issue.AnnounceAsync(ticket, ct)).Ticket, null);
    }

    private string Explain(CheckInOutcome outcome) => outcome.Refusal == CheckInRefusal.TooEarly
        ? l["Hall.CheckIn.TooEarly", outcome.OpensAt!.Value.ToChinaTime().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)]
        : l[RefusalKey(outcome.Refusal)];

    /// <summary>The message of a refusal without arguments (Hall.CheckIn.UnknownCode …; too early: Hall.CheckIn.TooEarlyRemote).</summary>
    public static string RefusalKey(CheckInRefusal refusal) => refusal switch
    {
        CheckInRefusal.None => "Hall.CheckIn.UnknownCode",
        CheckInRefusal.TooEarly => "Hall.CheckIn.TooEarlyRemote",
        _ => $"Hall.CheckIn.{refusal}",
    };
}
