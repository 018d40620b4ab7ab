using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Domain;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Notifications.Sending;

/// <summary>
/// Sends what the outbox holds, outside every business transaction. Each batch is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease, so two instances never take the same message; a failure is retried
/// with growing pauses (1, 2, 4 … minutes) and given up after <see cref="MaxAttempts"/> attempts.
/// </summary>
public sealed class OutboxDispatchJob(GovDbContext db, IEnumerable<IOutboxSender> senders, TimeProvider clock, ILogger<OutboxDispatchJob> logger)
{
    public const string RecurringId = "notifications.send";
    public const int MaxAttempts = 8;
    private const int BatchSize = 100;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().ToUniversalTime();
            var batch = await db.Set<OutboxMessage>().FromSqlInterpolated($"""
                UPDATE gov.ntf_outbox SET locked_until = {now.AddMinutes(5)}
                WHERE id IN (SELECT id FROM gov.ntf_outbox
                             WHERE state = {(int)OutboxState.Pending} AND next_attempt_at <= {now} AND (locked_until IS NULL OR locked_until < {now})
                             ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var message in batch.OrderBy(m => m.Id))
            {
                sent += await SendOneAsync(message, cancellationToken) ? 1 : 0;
            }
        }

        return sent;
    }

    private async Task<bool> SendOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var sender = senders.FirstOrDefault(s => s.Channel == message.Channel);
        string? error = null;
        try
        {
            if (sender is null)
            {
                error = $"no sender for {message.Channel}";
            }
            else
            {
                await sender.SendAsync($"ntf-{message.Id}", message.Recipient, message.Body, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var attempts = message.Attempts + 1;
        if (error is null)
        {
            await db.Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.SentAt, now).SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            return true;
        }

        var failed = attempts >= MaxAttempts;
        logger.Log(failed ? LogLevel.Error : LogLevel.Warning, "Outbox message {Id} ({Channel}) attempt {Attempt} failed: {Error}", message.Id, message.Channel, attempts, error);
        await db.Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, failed ? OutboxState.Failed : OutboxState.Pending)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, now.AddMinutes(Math.Pow(2, attempts - 1)))
            .SetProperty(m => m.LastError, error.Length > 1000 ? error[..1000] : error)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        return false;
    }
}
