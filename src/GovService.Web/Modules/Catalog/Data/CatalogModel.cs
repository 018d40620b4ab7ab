using GovService.Web.Modules.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovService.Web.Modules.Catalog.Data;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> builder)
    {
        builder.ToTable("cat_items");
        builder.Property(i => i.BasicCode).HasMaxLength(12);
        builder.HasIndex(i => i.BasicCode).IsUnique();
        builder.Property(i => i.ImplementationCode).HasMaxLength(36);
        builder.HasIndex(i => i.ImplementationCode).IsUnique();
        builder.HasIndex(i => i.DepartmentId);
        builder.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.RowVersion).IsRowVersion();
    }
}

internal sealed class ItemVersionConfiguration : IEntityTypeConfiguration<ItemVersion>
{
    public void Configure(EntityTypeBuilder<ItemVersion> builder)
    {
        builder.ToTable("cat_item_versions");
        builder.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
        // At most one draft and one published version per item.
        builder.HasIndex(v => new { v.ItemId, v.Status }).IsUnique().HasFilter($"status IN ({(int)VersionStatus.Draft}, {(int)VersionStatus.Published})");
        builder.HasIndex(v => v.Status);
        builder.HasIndex(v => v.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(v => v.Themes).HasMethod("gin");
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.RetireReason).HasMaxLength(ItemVersion.MaxRetireReason);
        builder.Property(v => v.RetiredBy).HasMaxLength(256);
        builder.Property(v => v.BusinessCode).HasMaxLength(50);
        builder.Property(v => v.ItemType).HasMaxLength(2);
        builder.Property(v => v.ImplementingBodyName).HasMaxLength(100);
        builder.Property(v => v.ImplementingBodyCode).HasMaxLength(18);
        builder.Property(v => v.ConsultPhone).HasMaxLength(50);
        builder.Property(v => v.SupervisionPhone).HasMaxLength(50);
        builder.Property(v => v.ResultName).HasMaxLength(200);
        builder.Property(v => v.QuantityLimit).HasMaxLength(200);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.OwnsMany(v => v.Fees, fees => fees.ToJson());
        builder.OwnsMany(v => v.Faq, faq => faq.ToJson());
        builder.HasMany(v => v.Materials).WithOne().HasForeignKey(m => m.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Fields).WithOne().HasForeignKey(f => f.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.RowVersion).IsRowVersion();
    }
}

internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> builder)
    {
        builder.ToTable("cat_item_materials");
        builder.HasIndex(m => new { m.VersionId, m.Position });
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.IssuingBody).HasMaxLength(100);
        builder.Property(m => m.LicenceType).HasMaxLength(100);
        builder.HasOne<CatalogFile>().WithMany().HasForeignKey(m => m.BlankFormFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CatalogFile>().WithMany().HasForeignKey(m => m.SampleFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FormFieldConfiguration : IEntityTypeConfiguration<FormField>
{
    public void Configure(EntityTypeBuilder<FormField> builder)
    {
        builder.ToTable("cat_item_fields");
        builder.HasIndex(f => new { f.VersionId, f.Key }).IsUnique();
        builder.Property(f => f.Key).HasMaxLength(50);
        builder.Property(f => f.Label).HasMaxLength(100);
        builder.Property(f => f.Help).HasMaxLength(500);
    }
}

internal sealed class CatalogFileConfiguration : IEntityTypeConfiguration<CatalogFile>
{
    public void Configure(EntityTypeBuilder<CatalogFile> builder)
    {
        builder.ToTable("cat_files");
        builder.Property(f => f.FileName).HasMaxLength(CatalogFile.FileNameMaxLength);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
    }
}

internal sealed class BundleConfiguration : IEntityTypeConfiguration<Bundle>
{
    public void Configure(EntityTypeBuilder<Bundle> builder)
    {
        builder.ToTable("cat_bundles");
        builder.Property(b => b.Code).HasMaxLength(20);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.Name).HasMaxLength(100);
        builder.Property(b => b.RowVersion).IsRowVersion();
    }
}
