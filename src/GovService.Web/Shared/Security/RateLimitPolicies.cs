namespace GovService.Web.Shared.Security;

/// <summary>The rate-limit policies routes opt into with <c>[EnableRateLimiting]</c>; the limits are configured in Infrastructure/Web/RateLimits.cs.</summary>
public static class RateLimitPolicies
{
    /// <summary>Login and registration posts.</summary>
    public const string Login = "login";

    /// <summary>Public lookups by a code someone could guess: a case's status by number and query code, a licence by identifier.</summary>
    public const string Lookup = "lookup";
}
