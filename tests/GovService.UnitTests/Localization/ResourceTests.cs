using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GovService.UnitTests.Localization;

/// <summary>Every UI string exists in Chinese and English, and every key the code uses is in the resource files.</summary>
public sealed partial class ResourceTests
{
    private static readonly string Web = GovService.Testing.Repository.WebProject;

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(Web, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    [Fact]
    public void Chinese_and_English_have_the_same_keys()
    {
        var chinese = Keys("SharedResource.resx");
        var english = Keys("SharedResource.en.resx");

        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    [Fact]
    public void Every_literal_key_used_in_code_and_views_exists()
    {
        var keys = Keys("SharedResource.resx");
        var used = Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "missing resource keys: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_role_has_a_display_name()
    {
        var keys = Keys("SharedResource.resx");
        Assert.All(GovService.Web.Shared.Security.Roles.All, role => Assert.Contains("Role." + role, keys));
    }

    // L["Key"], l["Key"], [Display(Name = "Key")] and TempData["Flash"] = "Key"; keys are dotted names.
    [GeneratedRegex(@"(?:\b[LlS]\[""|Name = ""|\[""Flash""\] = "")([A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]*[A-Za-z0-9])""")]
    private static partial Regex KeyUse();
}
