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
        var database = New(purpose);
        await using var connection = await database.OpenServerAsync();
        await ExecuteOnAsync(connection, $"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    /// <summary>
    /// A database copied from the template <paramref name="template"/>, the migrated and seeded database another
    /// host of this build left with <see cref="PublishAsTemplateAsync"/>; null when there is none yet. Copying takes
    /// a tenth of a second where migrating and seeding takes many; the hosts that test first start-up itself never
    /// start from a copy.
    /// </summary>
    public static async Task<TestDatabase?> CopyOfTemplateAsync(string purpose, string template)
    {
        var database = New(purpose);
        await using var connection = await database.OpenServerAsync();
        await LockTemplatesAsync(connection);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = template } } };
        if (await exists.ExecuteScalarAsync() is null)
        {
            return null;
        }

        await ExecuteOnAsync(connection, $"CREATE DATABASE \"{database.Name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        return database;
    }

    /// <summary>
    /// Keeps the snapshot (taken right after start-up) as the template <paramref name="template"/> for the other
    /// hosts of this build, replacing an older one, and drops the templates older builds left on the cluster.
    /// </summary>
    public async Task PublishAsTemplateAsync(string template)
    {
        await using var connection = await OpenServerAsync();
        await LockTemplatesAsync(connection);
        await ExecuteOnAsync(connection, $"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)", $"CREATE DATABASE \"{template}\" TEMPLATE \"{SnapshotName}\" STRATEGY FILE_COPY");
        await using var stale = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'govtest\\_tpl\\_%' AND datname <> $1", connection) { Parameters = { new() { Value = template } } };
        var names = new List<string>();
        await using (var reader = await stale.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await ExecuteOnAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>One host at a time copies or replaces a template (across the test processes: a server-wide lock, held until the connection closes).</summary>
    private static async Task LockTemplatesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(727027)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static TestDatabase New(string purpose) =>
        new(Environment.GetEnvironmentVariable("GOV_TEST_PG") is { Length: > 0 } configured ? configured : DefaultServer, $"govtest_{purpose}_{Guid.NewGuid():N}"[..40]);  // + "_snap" stays under 63 characters

    /// <summary>A connection to the server's maintenance database; says how to get a server when there is none.</summary>
    private async Task<NpgsqlConnection> OpenServerAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests at '{new NpgsqlConnectionStringBuilder(_server) { Password = "***" }}'. Run the tests with ./gov.sh test, which starts one, or set GOV_TEST_PG.", e);
        }

        return connection;
    }

    private static async Task ExecuteOnAsync(NpgsqlConnection connection, params string[] statements)
    {
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private string SnapshotName => Name + "_snap";

    /// <summary>Keeps the database as it is now (migrated and seeded) as a template to restore from.</summary>
    public Task SnapshotAsync() => ExecuteAsync(
        $"DROP DATABASE IF EXISTS \"{SnapshotName}\" WITH (FORCE)",
        $"CREATE DATABASE \"{SnapshotName}\" TEMPLATE \"{Name}\" STRATEGY FILE_COPY");

    /// <summary>
    /// Puts the database back to the snapshot: a file-level copy, much faster than emptying the tables and
    /// seeding the demo county and its catalog again. Open connections are cut (the pools are cleared first).
    /// </summary>
    public Task RestoreAsync() => ExecuteAsync(
        $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)",
        $"CREATE DATABASE \"{Name}\" TEMPLATE \"{SnapshotName}\" STRATEGY FILE_COPY");

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
