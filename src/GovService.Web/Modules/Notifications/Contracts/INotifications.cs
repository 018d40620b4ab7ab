namespace GovService.Web.Modules.Notifications.Contracts;

/// <summary>
/// One message to one person: into their in-app inbox (when <see cref="UserId"/> is set) and as a text message
/// (when <see cref="Mobile"/> is set). <see cref="Key"/> names the event it is about (e.g. "card:{id}:{user}");
/// posting the same key twice delivers it once.
/// </summary>
public sealed record Notice(string Key, Guid? UserId, string? Mobile, string Title, string Body, string Link = "");

public interface INotifications
{
    /// <summary>
    /// Posts the notices in the caller's unit of work (the same connection and transaction): they exist exactly
    /// when the business change that caused them is committed. Text messages are sent later by the outbox job,
    /// outside the transaction. Returns how many were new.
    /// </summary>
    Task<int> PostAsync(IReadOnlyCollection<Notice> notices, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels the text messages with these keys that are still waiting to be sent (a reminder about a case that has
    /// ended meanwhile), in the caller's unit of work. Returns how many were cancelled.
    /// </summary>
    Task<int> CancelPendingAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}
