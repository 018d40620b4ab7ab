using System.Reflection;

namespace GovService.Testing;

/// <summary>Where the checkout and the built portal are, for tests that run files or processes of it.</summary>
public static class Repository
{
    /// <summary>The folder holding GovService.sln, found upwards from the test's output folder.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovService.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("GovService.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string WebProject => Path.Combine(Root, "src", "GovService.Web");

    /// <summary>The portal's GovService.Web.dll built in the same configuration (Debug/Release) as the calling test assembly.</summary>
    public static string PortalDll(Assembly testAssembly)
    {
        var configuration = testAssembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(WebProject, "bin", configuration, "net10.0", "GovService.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The portal is not built: {dll} is missing.");
    }
}
