using GovService.Web.Modules.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Organization.Data;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("org_regions");
        builder.Property(r => r.Code).HasMaxLength(12).IsFixedLength();
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Version).IsRowVersion();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("org_departments");
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.ShortName).HasMaxLength(20);
        builder.Property(d => d.CreditCode).HasMaxLength(18).IsFixedLength();
        builder.HasIndex(d => d.CreditCode).IsUnique();
        builder.Property(d => d.Phone).HasMaxLength(30);
        builder.Property(d => d.Address).HasMaxLength(200);
        builder.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Version).IsRowVersion();
    }
}

internal sealed class ServiceHallConfiguration : IEntityTypeConfiguration<ServiceHall>
{
    public void Configure(EntityTypeBuilder<ServiceHall> builder)
    {
        builder.ToTable("org_halls");
        builder.Property(h => h.Name).HasMaxLength(100);
        builder.Property(h => h.Address).HasMaxLength(200);
        builder.Property(h => h.Phone).HasMaxLength(30);
        builder.Property(h => h.OpeningHours).HasMaxLength(200);
        builder.HasOne<Region>().WithMany().HasForeignKey(h => h.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(h => h.Windows).WithOne().HasForeignKey(w => w.HallId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(h => h.Version).IsRowVersion();
    }
}

internal sealed class ServiceWindowConfiguration : IEntityTypeConfiguration<ServiceWindow>
{
    public void Configure(EntityTypeBuilder<ServiceWindow> builder)
    {
        builder.ToTable("org_hall_windows");
        builder.Property(w => w.Name).HasMaxLength(50);
        builder.HasIndex(w => new { w.HallId, w.Number }).IsUnique();
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("org_staff");
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(50);
        builder.Property(s => s.Role).HasMaxLength(32);
        builder.Property(s => s.Title).HasMaxLength(50);
        builder.Property(s => s.OfficePhone).HasMaxLength(30);
        builder.HasOne<ServiceHall>().WithMany().HasForeignKey(s => s.HallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Version).IsRowVersion();
    }
}
