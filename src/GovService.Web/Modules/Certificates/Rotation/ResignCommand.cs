using System.Globalization;

namespace GovService.Web.Modules.Certificates.Rotation;

/// <summary>
/// <c>GovService.Web licences re-sign --previous-public-key old-public.pem</c>: after the signing key was replaced
/// in the configuration, signs every stored licence again with the new key (docs/operations.md, "Rotate").
/// Exit code 0 when every licence is now signed with the new key, 1 when some were refused (not genuine under
/// the previous key), 64 on a usage error.
/// </summary>
public static class ResignCommand
{
    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        var at = Array.IndexOf(args, "--previous-public-key");
        if (args is not ["licences", "re-sign", ..] || at < 0 || at + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync("usage: GovService.Web licences re-sign --previous-public-key <file with the previous key's public (or private) PEM>");
            return 64;
        }

        var file = args[at + 1];
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"previous key file not found: {file}");
            return 64;
        }

        string previousPublicPem;
        using (var previous = System.Security.Cryptography.ECDsa.Create())
        {
            previous.ImportFromPem(await File.ReadAllTextAsync(file));
            previousPublicPem = previous.ExportSubjectPublicKeyInfoPem();
        }

        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LicenceResigning>().ResignAsync(previousPublicPem);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"licences re-signed: {result.Resigned}; already signed with the new key: {result.AlreadyCurrent}; refused (not genuine under the previous key): {result.Refused.Count}"));
        foreach (var identifier in result.Refused)
        {
            Console.WriteLine("  refused: " + identifier);
        }

        return result.Refused.Count == 0 ? 0 : 1;
    }
}
