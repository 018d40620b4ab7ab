using GovService.Web.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Notifications.Data;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("ntf_inbox");
        builder.Property(m => m.Key).HasMaxLength(200);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(2000);
        builder.Property(m => m.Link).HasMaxLength(300);
        builder.HasIndex(m => new { m.UserId, m.Key }).IsUnique();
        builder.HasIndex(m => new { m.UserId, m.Id });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("ntf_outbox");
        builder.Property(m => m.Key).HasMaxLength(200);
        builder.Property(m => m.Recipient).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(1000);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.Channel, m.Recipient, m.Key }).IsUnique();
        builder.HasIndex(m => m.NextAttemptAt).HasFilter($"state = {(int)OutboxState.Pending}").HasDatabaseName("ix_ntf_outbox_pending");
    }
}
