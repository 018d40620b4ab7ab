using GovService.Web.Modules.Intake.Domain;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Intake.Data;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("int_cases");
        builder.Property(c => c.Number).HasMaxLength(30);
        builder.HasIndex(c => c.Number).IsUnique().HasFilter("number IS NOT NULL");
        builder.Property(c => c.QueryCode).HasMaxLength(6).IsFixedLength();
        builder.Property(c => c.ItemName).HasMaxLength(200);
        builder.Property(c => c.BasicCode).HasMaxLength(12);
        builder.Property(c => c.ApplicantName).HasMaxLength(200);
        builder.Property(c => c.ApplicantIdType).HasMaxLength(3);
        builder.Property(c => c.ApplicantIdNumber).HasMaxLength(18);
        builder.Property(c => c.ContactName).HasMaxLength(50);
        builder.Property(c => c.ContactMobile).HasMaxLength(20);
        builder.Property(c => c.RefusalReason).HasMaxLength(1000);
        builder.Property(c => c.RefusalBasis).HasMaxLength(1000);
        builder.Property(c => c.TerminationReason).HasMaxLength(500);
        builder.Property(c => c.DecisionOpinion).HasMaxLength(1000);
        builder.HasIndex(c => new { c.State, c.DeficiencyDueDate });
        builder.Property(c => c.FormData).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
                v => v.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                v => new Dictionary<string, string>(v)));
        builder.HasIndex(c => c.ApplicantUserId);
        builder.HasIndex(c => new { c.HallId, c.State });
        builder.HasIndex(c => new { c.State, c.PromisedDueDate });
        builder.Property(c => c.RowVersion).IsRowVersion();
    }
}

internal sealed class CaseCounterConfiguration : IEntityTypeConfiguration<CaseCounter>
{
    public void Configure(EntityTypeBuilder<CaseCounter> builder)
    {
        builder.ToTable("int_case_counters");
        builder.HasKey(c => new { c.Region, c.Day });
        builder.Property(c => c.Region).HasMaxLength(6).IsFixedLength();
    }
}

internal sealed class CaseMaterialConfiguration : IEntityTypeConfiguration<CaseMaterial>
{
    public void Configure(EntityTypeBuilder<CaseMaterial> builder)
    {
        builder.ToTable("int_case_materials");
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Defect).HasMaxLength(500);
        builder.HasIndex(m => new { m.CaseId, m.Position }).IsUnique();
        builder.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
