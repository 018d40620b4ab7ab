namespace GovService.Web.Infrastructure.Seed;

public sealed class SeedOptions
{
    /// <summary>Adds the demo county, its halls and one login per role (development and tests only).</summary>
    public bool Demo { get; set; }

    /// <summary>Password of every demo login; README prints it.</summary>
    public string DemoPassword { get; set; } = "Gov2026demo";
}

/// <summary>Puts reference data (and, when asked, demo data) into the database. Must be idempotent.</summary>
public interface ISeeder
{
    /// <summary>Lower runs first: roles before accounts that need them.</summary>
    int Order { get; }

    Task SeedAsync(SeedOptions options, CancellationToken cancellationToken);
}
