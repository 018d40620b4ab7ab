using GovService.Web.Modules.Hall.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Hall.Data;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("hal_tickets");
        builder.Property(t => t.HallName).HasMaxLength(100);
        builder.Property(t => t.Code).HasMaxLength(8);
        builder.Property(t => t.PersonName).HasMaxLength(50);
        builder.Property(t => t.IdNumber).HasMaxLength(18);
        builder.Property(t => t.Mobile).HasMaxLength(20);
        builder.Property(t => t.ItemCode).HasMaxLength(12);
        builder.Property(t => t.ItemName).HasMaxLength(200);
        builder.Property(t => t.StaffName).HasMaxLength(50);
        builder.HasIndex(t => new { t.HallId, t.Day, t.Category, t.Sequence }).IsUnique();

        // The queue of a category: what call-next reads (waiting only), in calling order.
        builder.HasIndex(t => new { t.HallId, t.Day, t.Category, t.Rank, t.QueuedAt, t.Sequence })
            .HasFilter($"state = {(int)TicketState.Waiting}")
            .HasDatabaseName("ix_hal_tickets_queue");

        // A window calls or serves one ticket at a time.
        builder.HasIndex(t => t.WindowId)
            .IsUnique()
            .HasFilter($"state IN ({(int)TicketState.Called}, {(int)TicketState.Serving})")
            .HasDatabaseName("ux_hal_tickets_window_active");
        builder.HasIndex(t => t.CaseId).IsUnique().HasFilter("case_id IS NOT NULL");

        // A booking becomes at most one ticket, whichever kiosk or phone checks it in.
        builder.HasIndex(t => t.AppointmentId).IsUnique().HasFilter("appointment_id IS NOT NULL");
        builder.Property(t => t.Version).IsRowVersion();
    }
}

internal sealed class TicketCounterConfiguration : IEntityTypeConfiguration<TicketCounter>
{
    public void Configure(EntityTypeBuilder<TicketCounter> builder)
    {
        builder.ToTable("hal_ticket_counters");
        builder.HasKey(c => new { c.HallId, c.Day, c.Category });
    }
}

internal sealed class WindowDeviceConfiguration : IEntityTypeConfiguration<WindowDevice>
{
    public void Configure(EntityTypeBuilder<WindowDevice> builder)
    {
        builder.ToTable("hal_window_devices");
        builder.HasKey(d => d.WindowId);
        builder.Property(d => d.KeyHash).HasMaxLength(32);
    }
}

internal sealed class CrowdAlertConfiguration : IEntityTypeConfiguration<CrowdAlert>
{
    public void Configure(EntityTypeBuilder<CrowdAlert> builder)
    {
        builder.ToTable("hal_crowd_alerts");

        // One open alert per hall and category: the watch job raises it with ON CONFLICT DO NOTHING.
        builder.HasIndex(a => new { a.HallId, a.Category })
            .IsUnique()
            .HasFilter("cleared_at IS NULL")
            .HasDatabaseName("ux_hal_crowd_alerts_open");
        builder.HasIndex(a => new { a.HallId, a.Day });
    }
}

internal sealed class KioskCodeConfiguration : IEntityTypeConfiguration<KioskCode>
{
    public void Configure(EntityTypeBuilder<KioskCode> builder)
    {
        builder.ToTable("hal_kiosk_codes");
        builder.Property(c => c.CodeHash).HasMaxLength(32);
        builder.HasIndex(c => new { c.UserId, c.SentAt });
    }
}
