using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Certificates.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Certificates.Data;

internal sealed class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> builder)
    {
        builder.ToTable("crt_licences");
        builder.Property(l => l.Identifier).HasMaxLength(120);
        builder.HasIndex(l => l.Identifier).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.TypeCode).HasMaxLength(32);
        builder.Property(l => l.Number).HasMaxLength(40);
        builder.Property(l => l.IssuerName).HasMaxLength(200);
        builder.Property(l => l.IssuerCode).HasMaxLength(32);
        builder.Property(l => l.HolderName).HasMaxLength(200);
        builder.Property(l => l.HolderCode).HasMaxLength(32);
        builder.Property(l => l.HolderCodeType).HasMaxLength(3);
        builder.Property(l => l.CaseNumber).HasMaxLength(30);
        builder.Property(l => l.RevokeReason).HasMaxLength(500);
        builder.Property(l => l.Signature).HasMaxLength(200);
        builder.Property(l => l.VerificationCode).HasMaxLength(LicenceVerificationCode.Length);
        builder.Property(l => l.KeyId).HasMaxLength(32);
        builder.HasIndex(l => l.HolderUserId);
        builder.HasIndex(l => l.CaseId);
        builder.HasIndex(l => new { l.TypeCode, l.Number });
        builder.HasIndex(l => new { l.State, l.ValidUntil });
        builder.Property(l => l.RowVersion).IsRowVersion();
        builder.Property(l => l.FaceData).HasJsonbDictionary();
    }
}

internal sealed class LicenceTypeConfiguration : IEntityTypeConfiguration<LicenceType>
{
    public void Configure(EntityTypeBuilder<LicenceType> builder)
    {
        builder.ToTable("crt_licence_types");
        builder.Property(t => t.BasicCode).HasMaxLength(12);
        builder.HasIndex(t => t.BasicCode).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.TypeCode).HasMaxLength(32);
        builder.Property(t => t.NumberPrefix).HasMaxLength(10);
        builder.Property(t => t.HolderNameField).HasMaxLength(50);
        builder.Property(t => t.HolderCodeField).HasMaxLength(50);
    }
}

internal sealed class LicenceSerialConfiguration : IEntityTypeConfiguration<LicenceSerial>
{
    public void Configure(EntityTypeBuilder<LicenceSerial> builder)
    {
        builder.ToTable("crt_serials");
        builder.HasKey(s => new { s.TypeCode, s.Series });
        builder.Property(s => s.TypeCode).HasMaxLength(32);
        builder.Property(s => s.Series).HasMaxLength(12);
    }
}

internal sealed class LicenceUseConfiguration : IEntityTypeConfiguration<LicenceUse>
{
    public void Configure(EntityTypeBuilder<LicenceUse> builder)
    {
        builder.ToTable("crt_licence_uses");
        builder.Property(u => u.StaffName).HasMaxLength(100);
        builder.Property(u => u.Office).HasMaxLength(200);
        builder.Property(u => u.Reason).HasMaxLength(300);
        builder.HasIndex(u => u.LicenceId);
    }
}
