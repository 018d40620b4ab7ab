using System.Text.RegularExpressions;
using GovService.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovService.UnitTests.Architecture;

/// <summary>
/// The SQL the code sends (raw queries, the sweep, the dashboard, index filters in the model) never compares an
/// enum column with a bare number: it interpolates the member (<c>{(int)OrderState.Open}</c>), so the SQL cannot
/// drift from the enum. The columns are read from the portal's model: every column that holds an enum anywhere.
/// Migrations are history and keep their numbers; <c>SqlVocabularyTests</c> (integration) holds the views and
/// partial indexes they created to the enums.
/// </summary>
public sealed class SqlLiteralTests
{
    [Fact]
    public void No_SQL_in_the_code_compares_an_enum_column_with_a_bare_number()
    {
        var columns = EnumColumnNames();
        Assert.Contains("state", columns);
        var pattern = new Regex($@"\b(?:\w+\.)?(?:{string.Join('|', columns)})\s*(?:=|<>|!=|<=|>=|<|>|(?:NOT\s+)?IN\s*\()\s*\d|\bCASE\s+(?:\w+\.)?(?:{string.Join('|', columns)})\s+WHEN\s+\d", RegexOptions.CultureInvariant);
        var offences = SourceFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => pattern.IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(SourceRoot, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "interpolate the enum member instead of its number:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_scan_sees_the_SQL_of_the_code()
    {
        // Positive control: the sweep's SQL is among the files read, so a bare number there would be seen.
        Assert.Contains(SourceFiles(), f => f.EndsWith("DeadlineSweep.cs", StringComparison.Ordinal) && File.ReadAllText(f).Contains("UPDATE gov.sup_orders", StringComparison.Ordinal));
    }

    private static string SourceRoot => GovService.Testing.Repository.WebProject;

    /// <summary>The portal's C# sources but its migrations (history, checked against the database instead).</summary>
    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static SortedSet<string> EnumColumnNames()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        return new SortedSet<string>(GovService.Testing.EnumColumns.Of(db.Model).Keys.Select(k => k[(k.IndexOf('.', StringComparison.Ordinal) + 1)..]), StringComparer.Ordinal);
    }
}
