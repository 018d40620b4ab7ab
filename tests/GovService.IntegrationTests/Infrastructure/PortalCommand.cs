using System.Diagnostics;
using GovService.Testing;

namespace GovService.IntegrationTests.Infrastructure;

/// <summary>Runs operator tools the way docs/operations.md tells an operator to: the built portal's own commands, PostgreSQL's client programs.</summary>
public static class PortalCommand
{
    /// <summary><c>dotnet GovService.Web.dll &lt;arguments&gt;</c> against the given database.</summary>
    public static Task<(int ExitCode, string Output)> PortalAsync(string connectionString, params string[] arguments) =>
        PortalAsync(connectionString, new Dictionary<string, string>(), arguments);

    /// <summary>The same with more settings (environment variables), e.g. another signing key.</summary>
    public static Task<(int ExitCode, string Output)> PortalAsync(string connectionString, IDictionary<string, string> settings, params string[] arguments)
    {
        var dll = Repository.PortalDll(typeof(PortalCommand).Assembly);
        var environment = new Dictionary<string, string>(settings)
        {
            ["ConnectionStrings__Gov"] = connectionString,
            ["Logging__FilePath"] = Path.Combine(Path.GetTempPath(), "govservice-tests", "portal-command-.log"),
        };
        return RunAsync("dotnet", [dll, .. arguments], Path.GetDirectoryName(dll)!, environment);
    }

    /// <summary>A PostgreSQL client program (pg_dump, pg_restore) of the newest installed version.</summary>
    public static string PostgresProgram(string name)
    {
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists).OrderBy(p => p, StringComparer.Ordinal).LastOrDefault()
            : null;
        return found ?? throw new InvalidOperationException($"{name} is missing: install Debian's postgresql-client (./gov.sh test installs PostgreSQL).");
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
