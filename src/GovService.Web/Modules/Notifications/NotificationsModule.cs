using GovService.Web.Modules.Notifications.Data;
using GovService.Web.Modules.Notifications.Sending;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Notifications;

/// <summary>
/// 消息: the in-app inbox of every user and the outbox of text messages and e-mails, written inside the business
/// transaction that causes them and sent afterwards by a job through pluggable senders.
/// </summary>
public static class NotificationsModule
{
    public const string Name = "Notifications";

    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Contracts.INotifications, Sending.Notifications>();
        services.AddScoped<IOutboxSender, LoggingSmsSender>();
        services.AddScoped<IOutboxSender, LoggingEmailSender>();
        services.AddScoped<OutboxDispatchJob>();
        services.AddScoped<Inbox.InboxQueries>();
        services.AddScoped<Inbox.MarkRead>();
        return services;
    }

    public static void RegisterNotificationsJobs(this IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<OutboxDispatchJob>(
            OutboxDispatchJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "* * * * *",
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });

    public static void ConfigureNotifications(this ModelBuilder builder)
    {
        builder.ApplyConfiguration(new InboxMessageConfiguration());
        builder.ApplyConfiguration(new OutboxMessageConfiguration());
    }
}
