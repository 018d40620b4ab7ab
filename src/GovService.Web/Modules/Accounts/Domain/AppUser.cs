using Microsoft.AspNetCore.Identity;

namespace GovService.Web.Modules.Accounts.Domain;

public enum AccountKind
{
    Citizen = 1,
    Staff = 2,
}

/// <summary>
/// A login. Citizens sign in with their 公民身份号码 (the user name) or mobile; staff with the user name
/// an administrator gave them.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string RealName { get; set; } = "";

    /// <summary>公民身份号码 of a citizen, normalised (upper-case X); unique.</summary>
    public string? IdNumber { get; set; }

    public AccountKind Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
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
