using GovService.Web.Infrastructure.Auditing;
using GovService.Web.Infrastructure.Web;
using GovService.Web.Modules;
using GovService.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Infrastructure.Data;

/// <summary>
/// The one DbContext. Modules contribute their model through <see cref="ModuleRegistry.ConfigureModules"/>;
/// platform tables (audit, data-protection keys) carry the <c>ops_</c> prefix. All in schema <c>gov</c>;
/// Hangfire keeps its own schema.
/// </summary>
public sealed class GovDbContext(DbContextOptions<GovDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid, IdentityUserClaim<Guid>, AppUserRole, IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>>(options),
      IDataProtectionKeyContext
{
    public const string Schema = "gov";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.Entity<DataProtectionKey>().ToTable("ops_data_protection_keys");
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new ContentRevisionConfiguration());
        builder.ConfigureModules();
    }
}
