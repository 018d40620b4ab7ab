using Npgsql;

namespace GovService.Testing;

/// <summary>
/// A throwaway database on the local test cluster that <c>./gov.sh test</c> starts (or on the server
/// named by <c>GOV_TEST_PG</c>): created empty, dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=gov;Password=gov-local-dev;Database=postgres";

    private readonly string _server;

    private TestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var server = Environment.GetEnvironmentVariable("GOV_TEST_PG") is { Length: > 0 } configured ? configured : DefaultServer;
        var name = $"govtest_{purpose}_{Guid.NewGuid():N}"[..40];  // + "_snap" stays under 63 characters
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests at '{new NpgsqlConnectionStringBuilder(server) { Password = "***" }}'. Run the tests with ./gov.sh test, which starts one, or set GOV_TEST_PG.", e);
        }

        return new TestDatabase(server, name);
    }

    private string SnapshotName => Name + "_snap";

    /// <summary>Keeps the database as it is now (migrated and seeded) as a template to restore from.</summary>
    public Task SnapshotAsync() => ExecuteAsync(
        $"DROP DATABASE IF EXISTS \"{SnapshotName}\" WITH (FORCE)",
        $"CREATE DATABASE \"{SnapshotName}\" TEMPLATE \"{Name}\"");

    /// <summary>
    /// Puts the database back to the snapshot: a file-level copy, much faster than emptying the tables and
    /// seeding the demo county and its catalog again. Open connections are cut (the pools are cleared first).
    /// </summary>
    public Task RestoreAsync() => ExecuteAsync(
        $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)",
        $"CREATE DATABASE \"{Name}\" TEMPLATE \"{SnapshotName}\"");

    public ValueTask DisposeAsync() => new(ExecuteAsync(
        $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)",
        $"DROP DATABASE IF EXISTS \"{SnapshotName}\" WITH (FORCE)"));

    private async Task ExecuteAsync(params string[] statements)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
