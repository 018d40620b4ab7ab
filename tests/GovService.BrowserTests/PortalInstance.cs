using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GovService.Testing;

namespace GovService.BrowserTests;

/// <summary>
/// One portal process (<c>dotnet GovService.Web.dll --urls http://127.0.0.1:port</c>) with its Hangfire server,
/// started as an operator starts it; ready when <c>/health/ready</c> answers 200.
/// </summary>
public sealed class PortalInstance : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private PortalInstance(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the portal on a free loopback port against the database and waits until it is ready.</summary>
    public static async Task<PortalInstance> StartAsync(string connectionString, IDictionary<string, string>? settings = null)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var project = Repository.WebProject;
        var dll = Repository.PortalDll(typeof(PortalInstance).Assembly);

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseUrl])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Gov"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Seed__Demo"] = "true";
        start.Environment["Jobs__RunServer"] = "true";
        start.Environment["Certificates__Signing__KeyFile"] = Path.Combine(Path.GetTempPath(), "govservice-browser-tests", "licence-signing.pem");
        start.Environment["Certificates__Signing__GenerateIfMissing"] = "true";
        start.Environment["Security__LoginRateLimit__PermitLimit"] = "1000";
        start.Environment["Logging__FilePath"] = Path.Combine(Path.GetTempPath(), "govservice-browser-tests", "log-.txt");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var instance = new PortalInstance(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseUrl);
        instance._process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        instance._process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        instance._process.BeginOutputReadLine();
        instance._process.BeginErrorReadLine();
        await instance.WaitUntilReadyAsync();
        return instance;
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync(new Uri(BaseUrl + "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(300);
        }

        throw new TimeoutException($"The portal was not ready within 120 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
