using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Intake.Domain;
using Microsoft.EntityFrameworkCore;
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
        builder.Property(c => c.MandateNumber).HasMaxLength(20);
        builder.Property(c => c.RefusalReason).HasMaxLength(1000);
        builder.Property(c => c.RefusalBasis).HasMaxLength(1000);
        builder.Property(c => c.TerminationReason).HasMaxLength(500);
        builder.Property(c => c.DecisionOpinion).HasMaxLength(1000);
        builder.Property(c => c.DecisionNumber).HasMaxLength(30);
        builder.HasIndex(c => c.DecisionNumber).IsUnique().HasFilter("decision_number IS NOT NULL");
        builder.Property(c => c.DecisionIssuer).HasMaxLength(200);
        builder.HasIndex(c => new { c.State, c.DeficiencyDueDate });
        builder.Property(c => c.FormData).HasJsonbDictionary();
        // A citizen's cases; with the item and the date, the form page finds the latest earlier application of the
        // same item (复制历史办件) in one index probe instead of sorting all of the applicant's cases.
        builder.HasIndex(c => new { c.ApplicantUserId, c.BasicCode, c.CreatedAt });

        // The repeat-application flag looks for the same applicant and item within 30 days.
        builder.HasIndex(c => new { c.ApplicantIdNumber, c.BasicCode });
        builder.Property(c => c.BundleCode).HasMaxLength(20);
        builder.Property(c => c.DeliveryRecipient).HasMaxLength(50);
        builder.Property(c => c.DeliveryRecipientId).HasMaxLength(18);
        builder.Property(c => c.CourierCompany).HasMaxLength(50);
        builder.Property(c => c.TrackingNumber).HasMaxLength(40);
        builder.Property(c => c.DeliveryAddress).HasMaxLength(200);
        builder.Property(c => c.BundleName).HasMaxLength(100);
        builder.Property(c => c.ReplacesLicenceNumber).HasMaxLength(40);
        builder.HasIndex(c => c.BundleKey).HasFilter("bundle_key IS NOT NULL");
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

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> builder)
    {
        builder.ToTable("int_case_files");
        builder.Property(f => f.MaterialName).HasMaxLength(200);
        builder.Property(f => f.FileName).HasMaxLength(CaseFile.FileNameMaxLength);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(f => new { f.CaseId, f.Position });
        builder.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> builder)
    {
        builder.ToTable("int_case_steps");
        builder.Property(s => s.Action).HasMaxLength(40);
        builder.Property(s => s.HandlerName).HasMaxLength(100);
        builder.Property(s => s.HandlerOffice).HasMaxLength(200);
        builder.Property(s => s.HandlerPhone).HasMaxLength(30);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.HasIndex(s => new { s.CaseId, s.At });

        // A reminder is sent once per case, whoever runs the job and however often.
        builder.HasIndex(s => new { s.CaseId, s.Action }).IsUnique().HasFilter($"action = '{Contracts.StepActions.DeficiencyReminder}'");
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseLicenceRefConfiguration : IEntityTypeConfiguration<CaseLicenceRef>
{
    public void Configure(EntityTypeBuilder<CaseLicenceRef> builder)
    {
        builder.ToTable("int_case_licence_refs");
        builder.Property(r => r.MaterialName).HasMaxLength(200);
        builder.Property(r => r.LicenceName).HasMaxLength(100);
        builder.Property(r => r.LicenceNumber).HasMaxLength(40);
        builder.HasIndex(r => new { r.CaseId, r.Position }).IsUnique();
        builder.HasIndex(r => r.LicenceId);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustodyParcelConfiguration : IEntityTypeConfiguration<Custody.CustodyParcel>
{
    public void Configure(EntityTypeBuilder<Custody.CustodyParcel> builder)
    {
        builder.ToTable("int_custody");
        builder.Property(p => p.Contents).HasMaxLength(Custody.CaseReception.ContentsMax);
        builder.Property(p => p.FromName).HasMaxLength(200);
        builder.Property(p => p.ToName).HasMaxLength(200);
        builder.Property(p => p.Tracking).HasMaxLength(Custody.MoveCustody.TrackingMax);
        builder.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);

        // One parcel of each kind per case: the originals go once to the department, the result once to its station.
        builder.HasIndex(p => new { p.CaseId, p.Kind }).IsUnique();
        builder.HasIndex(p => new { p.FromHallId, p.State });
        builder.HasIndex(p => new { p.ToHallId, p.State });
        builder.HasIndex(p => new { p.ToDepartmentId, p.State });
        builder.Property(p => p.RowVersion).IsRowVersion();
    }
}

internal sealed class CustodyMoveConfiguration : IEntityTypeConfiguration<Custody.CustodyMove>
{
    public void Configure(EntityTypeBuilder<Custody.CustodyMove> builder)
    {
        builder.ToTable("int_custody_moves");
        builder.Property(m => m.ByName).HasMaxLength(100);
        builder.Property(m => m.Place).HasMaxLength(200);
        builder.Property(m => m.Note).HasMaxLength(100);
        builder.HasOne<Custody.CustodyParcel>().WithMany().HasForeignKey(m => m.ParcelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ParcelId, m.At });
    }
}
