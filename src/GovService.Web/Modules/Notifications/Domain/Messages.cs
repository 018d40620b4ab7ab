namespace GovService.Web.Modules.Notifications.Domain;

/// <summary>A message in a person's in-app inbox (staff and applicants alike).</summary>
public sealed class InboxMessage
{
    public long Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The event the message is about; unique per recipient (a rerun never delivers it twice).</summary>
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Read now, unless it was read before (the first reading is the one kept).</summary>
    public void MarkRead(DateTimeOffset at) => ReadAt ??= at.ToUniversalTime();
}

public enum OutboxChannel
{
    Sms = 1,
    Email = 2,
}

public enum OutboxState
{
    Pending = 1,
    Sent = 2,

    /// <summary>Given up after the last retry; shown on the operations page and in the log.</summary>
    Failed = 3,

    /// <summary>No longer to be sent: what it was about has ended first (a reminder for a withdrawn case).</summary>
    Cancelled = 4,
}

/// <summary>A text message or e-mail waiting to be sent (transactional outbox): written with the business change, sent by a job.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxChannel Channel { get; set; }
    public string Key { get; set; } = "";
    public string Recipient { get; set; } = "";
    public string Body { get; set; } = "";
    public OutboxState State { get; set; } = OutboxState.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Held by one sender until then (FOR UPDATE SKIP LOCKED claim); another instance skips it.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string LastError { get; set; } = "";
}
