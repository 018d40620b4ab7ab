namespace GovService.Web.Modules.Notifications.Contracts;

/// <summary>
/// One message to one person: into their in-app inbox (when <see cref="UserId"/> is set) and as a text message
/// (when <see cref="Mobile"/> is set). <see cref="Key"/> names the event it is about (e.g. "card:{id}:{user}");
/// posting the same key twice delivers it once. <see cref="Sms"/> is the text message's own short wording (at most
/// <see cref="TextMessages.MaxLength"/> characters with the <see cref="TextMessages.Signature"/>); without it the
/// text message is the title and the body.
/// </summary>
public sealed record Notice(string Key, Guid? UserId, string? Mobile, string Title, string Body, string Link = "", string? Sms = null);

/// <summary>What every text message the portal sends looks like.</summary>
public static class TextMessages
{
    /// <summary>短信签名: the sender's name registered with the carriers, first in every message.</summary>
    public const string Signature = "【云溪县政务服务】";

    /// <summary>One message of Chinese text (UCS-2): a longer one goes out as two, and is billed as two.</summary>
    public const int MaxLength = 70;

    /// <summary>The message as sent: the signature, then the text.</summary>
    public static string Compose(string text) => Signature + text;

    /// <summary>The message as sent for a notice without a short wording of its own.</summary>
    public static string Compose(string title, string body) => $"{Signature}{title}：{body}";
}

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
