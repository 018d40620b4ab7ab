using System.Text.Json;
using System.Threading.Channels;
using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Hall.Issuing;
using GovService.Web.Modules.Hall.Queries;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovService.Web.Modules.Hall.Live;

public enum HallEventKind
{
    /// <summary>A ticket was called (or recalled) to a window.</summary>
    Called = 1,

    /// <summary>A queue changed (issued, transferred, re-queued, finished).</summary>
    Queue = 2,

    /// <summary>A window finished a service: its device asks for the rating or goes idle.</summary>
    Finished = 3,

    /// <summary>A window's device goes back to its welcome.</summary>
    Idle = 4,
}

/// <summary>Something a hall's screens or a window's device must show, by id only: each instance reads the rest itself.</summary>
public sealed record HallEvent(HallEventKind Kind, Guid HallId, Guid? WindowId = null, Guid? TicketId = null);

/// <summary>
/// Tells every instance of the portal what changed, after the change has committed: a PostgreSQL <c>NOTIFY</c> on
/// <see cref="HallEventListener.Channel"/>, which each instance's <see cref="HallEventListener"/> hears and hands to its
/// own connected screens. So a display connected to one instance sees the calls clerks make on another.
/// </summary>
public sealed class HallBroadcast(NpgsqlDataSource dataSource, HallDelivery delivery, IOptions<HallOptions> options, ILogger<HallBroadcast> logger)
{
    public Task CalledAsync(Ticket ticket, CancellationToken ct) => PublishAsync(new HallEvent(HallEventKind.Called, ticket.HallId, ticket.WindowId, ticket.Id), ct);

    public Task QueueChangedAsync(Guid hallId, CancellationToken ct) => PublishAsync(new HallEvent(HallEventKind.Queue, hallId), ct);

    public Task FinishedAsync(Guid windowId, Ticket ticket, CancellationToken ct) => PublishAsync(new HallEvent(HallEventKind.Finished, ticket.HallId, windowId, ticket.Id), ct);

    public Task IdleAsync(Guid windowId, CancellationToken ct) => PublishAsync(new HallEvent(HallEventKind.Idle, Guid.Empty, windowId), ct);

    private async Task PublishAsync(HallEvent hallEvent, CancellationToken ct)
    {
        try
        {
            if (!options.Value.NotifyInstances)
            {
                await delivery.DeliverAsync(hallEvent, ct);
                return;
            }

            await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", HallEventListener.Channel);
            command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(hallEvent));
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is committed; a screen that missed it catches up on its next event or reload.
            logger.LogWarning(e, "Hall event {Kind} not published", hallEvent.Kind);
        }
    }
}

/// <summary>
/// Listens for hall events (<c>LISTEN hal_events</c> on a connection of its own, reconnecting after a failure) and sends
/// each to this instance's SignalR clients: the hall's displays get the call with the display's whole state, a window's
/// device what to show (<see cref="HallDelivery"/>). Off with <c>Hall:NotifyInstances=false</c> (one instance, the
/// integration tests): events are then delivered in-process.
/// </summary>
internal sealed class HallEventListener(NpgsqlDataSource dataSource, HallDelivery delivery, IOptions<HallOptions> options, ILogger<HallEventListener> logger) : BackgroundService
{
    public const string Channel = "hal_events";

    private readonly Channel<string> _received = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.NotifyInstances ? Task.WhenAll(ListenAsync(stoppingToken), DeliverAllAsync(stoppingToken)) : Task.CompletedTask;

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => _received.Writer.TryWrite(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Hall event listener lost its connection; listening again in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task DeliverAllAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var payload in _received.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (JsonSerializer.Deserialize<HallEvent>(payload) is { } hallEvent)
                    {
                        await delivery.DeliverAsync(hallEvent, stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Hall event {Payload} not delivered", payload);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

}

/// <summary>Sends a hall event to this instance's SignalR clients, reading what it needs on a fresh scope.</summary>
public sealed class HallDelivery(IHubContext<HallHub> hub, IServiceScopeFactory scopes)
{
    public async Task DeliverAsync(HallEvent e, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<QueueQueries>();
        var ticket = e.TicketId is { } id
            ? await scope.ServiceProvider.GetRequiredService<GovDbContext>().Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct)
            : null;
        switch (e.Kind)
        {
            case HallEventKind.Called when ticket is not null:
                var call = new CallShown(ticket.Code, ticket.WindowNumber ?? 0, Shared.Identity.NameMask.Mask(ticket.PersonName, organisation: false), ticket.CalledAt ?? DateTimeOffset.UtcNow);
                await hub.Clients.Group(HallHub.HallGroup(e.HallId)).SendAsync("called", new { call, state = await queue.DisplayAsync(e.HallId, ct) }, ct);
                if (e.WindowId is { } window)
                {
                    await hub.Clients.Group(HallHub.DeviceGroup(window)).SendAsync("serving", new { code = ticket.Code, staffName = ticket.StaffName }, ct);
                }

                break;
            case HallEventKind.Queue:
                await hub.Clients.Group(HallHub.HallGroup(e.HallId)).SendAsync("queue", new { state = await queue.DisplayAsync(e.HallId, ct) }, ct);
                break;
            case HallEventKind.Finished when ticket is { Rating: TicketRating.Awaiting } && e.WindowId is { } rated:
                await hub.Clients.Group(HallHub.DeviceGroup(rated)).SendAsync("rate", new { ticketId = ticket.Id, code = ticket.Code, staffName = ticket.StaffName }, ct);
                break;
            case HallEventKind.Finished or HallEventKind.Idle when e.WindowId is { } idle:
                await hub.Clients.Group(HallHub.DeviceGroup(idle)).SendAsync("idle", new { }, ct);
                break;
        }
    }
}
