using GovService.Web.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using GovService.Web.Infrastructure.Identity;

namespace GovService.Web.Modules.Accounts.Data;

internal static class AccountsModel
{
    /// <summary>Identity's tables, renamed to the module prefix <c>acc_</c>.</summary>
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AppUser>(user =>
        {
            user.ToTable("acc_users");
            user.Property(u => u.RealName).HasMaxLength(50);
            user.Property(u => u.IdNumber).HasMaxLength(18);
            user.HasIndex(u => u.IdNumber).IsUnique().HasFilter("id_number IS NOT NULL");
            user.HasIndex(u => u.PhoneNumber).IsUnique().HasFilter("phone_number IS NOT NULL");
            user.Property(u => u.PhoneNumber).HasMaxLength(20);
            user.Property(u => u.PreferredCulture).HasMaxLength(10).HasDefaultValue(Shared.Localization.Cultures.Chinese);
        });
        builder.Entity<AppRole>().ToTable("acc_roles");
        builder.Entity<AppUserRole>().ToTable("acc_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("acc_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("acc_user_logins");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("acc_role_claims");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("acc_user_tokens");
    }
}
