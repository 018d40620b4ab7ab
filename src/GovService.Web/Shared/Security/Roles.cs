namespace GovService.Web.Shared.Security;

/// <summary>The roles of DESIGN §1. Names are stored in the database; never rename one.</summary>
public static class Roles
{
    public const string Citizen = "Citizen";
    public const string Agent = "Agent";
    public const string Clerk = "Clerk";
    public const string ChiefRepresentative = "ChiefRepresentative";
    public const string Reviewer = "Reviewer";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Citizen, Agent, Clerk, ChiefRepresentative, Reviewer, Supervisor, Admin];

    /// <summary>Roles an administrator gives to staff accounts (citizens register themselves).</summary>
    public static readonly IReadOnlyList<string> Staff = [Agent, Clerk, ChiefRepresentative, Reviewer, Supervisor, Admin];
}

public static class Policies
{
    public const string AdminOnly = "AdminOnly";
}
