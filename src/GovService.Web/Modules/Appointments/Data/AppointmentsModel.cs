using GovService.Web.Modules.Appointments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Appointments.Data;

internal sealed class OpeningPeriodConfiguration : IEntityTypeConfiguration<OpeningPeriod>
{
    public void Configure(EntityTypeBuilder<OpeningPeriod> builder)
    {
        builder.ToTable("apt_opening_periods");
        builder.HasIndex(p => new { p.HallId, p.Day, p.Starts }).IsUnique();
    }
}

internal sealed class BlackoutConfiguration : IEntityTypeConfiguration<Blackout>
{
    public void Configure(EntityTypeBuilder<Blackout> builder)
    {
        builder.ToTable("apt_blackouts");
        builder.Property(b => b.Reason).HasMaxLength(100);
        builder.HasIndex(b => new { b.HallId, b.StartsAt });
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("apt_appointments");
        builder.Property(a => a.Number).HasMaxLength(20);
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.CheckInCode).HasMaxLength(6);
        // A check-in code names one booking at its hall on its day, so the kiosk can never check in the wrong person.
        builder.HasIndex(a => new { a.HallId, a.Day, a.CheckInCode }).IsUnique();
        builder.HasIndex(a => new { a.HallId, a.Day, a.Category, a.SlotStarts });
        builder.HasIndex(a => new { a.UserId, a.Day });
        builder.Property(a => a.ItemCode).HasMaxLength(40);
        builder.Property(a => a.ItemName).HasMaxLength(200);
        builder.Property(a => a.PersonName).HasMaxLength(50);
        builder.Property(a => a.IdNumber).HasMaxLength(18);
        builder.Property(a => a.Mobile).HasMaxLength(20);
        builder.Property(a => a.State);
        builder.Property(a => a.ClosedAt);
        builder.Property(a => a.ReplacedById);
        builder.Property(a => a.Version).IsRowVersion();
    }
}
