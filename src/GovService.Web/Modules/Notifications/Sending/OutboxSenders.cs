using GovService.Web.Modules.Notifications.Domain;
using GovService.Web.Shared.Identity;

namespace GovService.Web.Modules.Notifications.Sending;

/// <summary>
/// Delivers one outbox message to a gateway (the county's SMS platform, a mail relay). Pluggable: register another
/// implementation for a channel. <paramref name="key"/> is the message's idempotency key: gateways that accept one
/// (most SMS platforms do) drop a resend after a crash between sending and recording.
/// </summary>
public interface IOutboxSender
{
    OutboxChannel Channel { get; }

    Task SendAsync(string key, string recipient, string body, CancellationToken cancellationToken);
}

/// <summary>Development and test sender: writes the message to the log (mobile numbers masked) instead of sending it.</summary>
public sealed class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : IOutboxSender
{
    public OutboxChannel Channel => OutboxChannel.Sms;

    public Task SendAsync(string key, string recipient, string body, CancellationToken cancellationToken)
    {
        logger.LogInformation("SMS {Key} to {Mobile}: {Body}", key, MobileNumber.Mask(recipient), body);
        return Task.CompletedTask;
    }
}

public sealed class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IOutboxSender
{
    public OutboxChannel Channel => OutboxChannel.Email;

    public Task SendAsync(string key, string recipient, string body, CancellationToken cancellationToken)
    {
        logger.LogInformation("E-mail {Key} to {Recipient}: {Body}", key, recipient, body);
        return Task.CompletedTask;
    }
}
