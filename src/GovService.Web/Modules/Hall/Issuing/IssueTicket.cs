using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Hall.Contracts;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Live;
using GovService.Web.Modules.Hall.Queries;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Calendar;
using GovService.Web.Shared.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GovService.Web.Modules.Hall.Issuing;

/// <summary>Settings of the hall's queue (<c>Hall:*</c>).</summary>
public sealed class HallOptions
{
    /// <summary>Minutes one service is assumed to take before the category has finished one today.</summary>
    public int DefaultServiceMinutes { get; set; } = 10;

    /// <summary>无声叫号: the text message goes out when this many tickets (or fewer) are ahead.</summary>
    public int TextWhenAhead { get; set; } = 3;

    /// <summary>
    /// Tell every instance of the portal of each call through PostgreSQL <c>NOTIFY</c> (on by default); off, a call
    /// reaches only the screens connected to the instance that made it.
    /// </summary>
    public bool NotifyInstances { get; set; } = true;

    /// <summary>打印证照 at the kiosk: minutes the text-message code is valid.</summary>
    public int KioskCodeMinutes { get; set; } = 5;

    /// <summary>Tries of one code before it is void.</summary>
    public int KioskCodeTries { get; set; } = 5;

    /// <summary>At most one code per ID number in this many seconds.</summary>
    public int KioskCodeResendSeconds { get; set; } = 60;

    /// <summary>Minutes the kiosk may list and print a wallet after the code was right (the form's token, then start again).</summary>
    public int KioskWalletMinutes { get; set; } = 3;
}

/// <summary>
/// 取号, the one way a ticket is issued (kiosk, 导服 clerk, appointment check-in): checks the request, gives the
/// priority the rules allow (<see cref="QueueOrder.Reasons"/>), numbers it (<see cref="TicketNumbers"/>) and saves it
/// in one transaction; then tells the hall's screens how long the queue is.
/// </summary>
public sealed class IssueTicket(GovDbContext db, TicketNumbers numbers, IOrganizationDirectory organization, ICatalogDirectory catalog, QueueQueries queue, HallBroadcast broadcast, TimeProvider clock, IStringLocalizer<SharedResource> l) : IQueueTickets
{
    public const int NameMax = 50;

    public async Task<TicketIssue> IssueAsync(TicketRequest request, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (ticket, errors) = await AddAsync(request, null, cancellationToken);
        if (ticket is null)
        {
            return new TicketIssue(null, errors);
        }

        await transaction.CommitAsync(cancellationToken);
        return await AnnounceAsync(ticket, cancellationToken);
    }

    /// <summary>
    /// Checks the request, numbers the ticket and saves it in the caller's transaction (the appointment check-in issues its
    /// ticket in the transaction that checks the booking in); nothing is committed or broadcast here: the caller commits
    /// and then calls <see cref="AnnounceAsync"/>.
    /// </summary>
    internal async Task<(Ticket? Ticket, IReadOnlyList<(string Field, string Message)> Errors)> AddAsync(TicketRequest request, Guid? accountId, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var today = clock.Today();
        var hall = (await organization.HallsAsync(cancellationToken)).FirstOrDefault(h => h.Id == request.HallId);
        var windows = hall is null ? [] : await organization.WindowsOfHallAsync(hall.Id, cancellationToken);
        if (hall is null || !windows.Any(w => w.Category == request.Category))
        {
            errors.Add((nameof(request.Category), l["Hall.CategoryNotHere"]));
        }

        var name = (request.PersonName ?? "").Trim();
        if (name.Length == 0)
        {
            errors.Add((nameof(request.PersonName), l["Register.RealName.Required"]));
        }
        else if (name.Length > NameMax)
        {
            errors.Add((nameof(request.PersonName), l["Common.TooLong", NameMax]));
        }

        string? id = null;
        if (!string.IsNullOrWhiteSpace(request.IdNumber))
        {
            id = ChineseIdNumber.Normalize(request.IdNumber);
            var problem = ChineseIdNumber.Check(id, today);
            if (problem != IdNumberProblem.None)
            {
                errors.Add((nameof(request.IdNumber), l[$"IdNumber.{problem}"]));
            }
        }

        var mobile = string.IsNullOrWhiteSpace(request.Mobile) ? null : request.Mobile.Trim();
        if (mobile is not null && !MobileNumber.IsValid(mobile))
        {
            errors.Add((nameof(request.Mobile), l["Mobile.Invalid"]));
        }

        PublishedItem? item = null;
        if (!string.IsNullOrWhiteSpace(request.ItemCode) && (item = await catalog.FindPublishedAsync(request.ItemCode.Trim(), cancellationToken)) is null)
        {
            errors.Add((nameof(request.ItemCode), l["Hall.ItemUnknown"]));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var priority = QueueOrder.Reasons(request.Priority, id, request.Source, today);
        var sequence = await numbers.NextAsync(hall!.Id, today, request.Category, cancellationToken);
        var ticket = new Ticket
        {
            HallId = hall.Id,
            HallName = hall.Name,
            Day = today,
            Category = request.Category,
            Sequence = sequence,
            Code = QueueOrder.Code(request.Category, sequence),
            PersonName = name,
            IdNumber = id,
            Mobile = mobile,
            ItemCode = item?.BasicCode,
            ItemName = item?.Name,
            Priority = priority,
            Rank = QueueOrder.Rank(priority),
            AppointmentId = request.AppointmentId,
            AccountId = accountId,
            Source = request.Source,
            IssuedAt = now,
            QueuedAt = now,
        };
        db.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        return (ticket, []);
    }

    /// <summary>After the issuing transaction committed: where the ticket stands, and the hall's screens told the queue grew.</summary>
    internal async Task<TicketIssue> AnnounceAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var ahead = await queue.AheadAsync(ticket.Id, cancellationToken);
        await broadcast.QueueChangedAsync(ticket.HallId, cancellationToken);
        return new TicketIssue(new IssuedTicket(ticket.Id, ticket.Code, ahead.Ahead, ahead.EstimatedWaitMinutes), []);
    }
}
