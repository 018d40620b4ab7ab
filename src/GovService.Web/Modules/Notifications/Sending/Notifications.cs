using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Notifications.Contracts;
using GovService.Web.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace GovService.Web.Modules.Notifications.Sending;

/// <summary>Writes inbox rows and outbox rows in bulk, each with ON CONFLICT DO NOTHING on its key.</summary>
internal sealed class Notifications(GovDbContext db, TimeProvider clock) : INotifications
{
    public async Task<int> PostAsync(IReadOnlyCollection<Notice> notices, CancellationToken cancellationToken = default)
    {
        if (notices.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var inbox = notices.Where(n => n.UserId is not null).ToList();
        var posted = 0;
        if (inbox.Count > 0)
        {
            posted += await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO gov.ntf_inbox (user_id, key, title, body, link, created_at)
                SELECT u, k, t, b, l, @now FROM unnest(@users, @keys, @titles, @bodies, @links) AS x(u, k, t, b, l)
                ON CONFLICT (user_id, key) DO NOTHING
                """,
                [
                    new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = inbox.Select(n => n.UserId!.Value).ToArray() },
                    Text("keys", inbox.Select(n => n.Key)),
                    Text("titles", inbox.Select(n => Clip(n.Title, 200))),
                    Text("bodies", inbox.Select(n => Clip(n.Body, 2000))),
                    Text("links", inbox.Select(n => n.Link)),
                    new NpgsqlParameter("now", now),
                ],
                cancellationToken);
        }

        var texts = notices.Where(n => !string.IsNullOrWhiteSpace(n.Mobile)).ToList();
        if (texts.Count > 0)
        {
            posted += await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO gov.ntf_outbox (channel, key, recipient, body, state, attempts, created_at, next_attempt_at, last_error)
                SELECT @channel, k, r, b, @pending, 0, @now, @now, '' FROM unnest(@keys, @recipients, @bodies) AS x(k, r, b)
                ON CONFLICT (channel, recipient, key) DO NOTHING
                """,
                [
                    new NpgsqlParameter("channel", (int)OutboxChannel.Sms),
                    new NpgsqlParameter("pending", (int)OutboxState.Pending),
                    Text("keys", texts.Select(n => n.Key)),
                    Text("recipients", texts.Select(n => n.Mobile!.Trim())),
                    Text("bodies", texts.Select(n => Clip(n.Sms is { Length: > 0 } sms ? TextMessages.Compose(sms) : TextMessages.Compose(n.Title, n.Body), 1000))),
                    new NpgsqlParameter("now", now),
                ],
                cancellationToken);
        }

        return posted;
    }

    public async Task<int> CancelPendingAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        // Only messages no sender holds right now: one being sent at this moment goes out (it is about to anyway).
        return await db.Database.ExecuteSqlRawAsync(
            "UPDATE gov.ntf_outbox SET state = @cancelled WHERE state = @pending AND key = ANY(@keys) AND (locked_until IS NULL OR locked_until < @now)",
            [
                new NpgsqlParameter("cancelled", (int)OutboxState.Cancelled),
                new NpgsqlParameter("pending", (int)OutboxState.Pending),
                Text("keys", keys),
                new NpgsqlParameter("now", clock.GetUtcNow().ToUniversalTime()),
            ],
            cancellationToken);
    }

    private static NpgsqlParameter Text(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
