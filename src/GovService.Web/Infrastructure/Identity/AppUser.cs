using GovService.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;

namespace GovService.Web.Infrastructure.Identity;

public enum AccountKind
{
    Citizen = 1,
    Staff = 2,
}

/// <summary>
/// A login: the platform's Identity store, which the one DbContext is built on (so it lives below the modules;
/// the Accounts module owns what is done with it: registration, sign-in, staff accounts). Citizens sign in with their 公民身份号码 (the user name) or mobile; staff with the user name
/// an administrator gave them. Audited: creation, lock-out and unlock, failed sign-ins, password changes
/// (recorded as changed, never the hash) and, beside it, every role given or taken.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>, IAudited
{
    public string RealName { get; set; } = "";

    /// <summary>公民身份号码 of a citizen, normalised (upper-case X); unique.</summary>
    public string? IdNumber { get; set; }

    public AccountKind Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The language messages to this person are written in (zh-CN or en): the one they registered in, then the one they
    /// last chose while signed in. Notices are posted while someone else's request runs (a clerk's, a job), so the
    /// person's own language has to be kept with the account.
    /// </summary>
    public string PreferredCulture { get; set; } = Shared.Localization.Cultures.Chinese;
}

/// <summary>A role given to an account: audited like the account (given: Added, taken: Deleted).</summary>
public sealed class AppUserRole : IdentityUserRole<Guid>, IAudited
{
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
    }
}
