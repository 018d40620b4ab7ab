namespace GovService.UnitTests.Architecture;

/// <summary>The checkout the tests run from: the folder holding GovService.sln, above the test binaries.</summary>
internal static class Repository
{
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

    /// <summary>The portal's sources: src/GovService.Web.</summary>
    public static string Web => Path.Combine(Root, "src", "GovService.Web");
}
