using System.Reflection;
using GovService.Web.Modules;
using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;

namespace GovService.UnitTests.Architecture;

/// <summary>
/// Modules meet only through each other's Contracts, by id (DESIGN §2). Driven by
/// <see cref="ModuleRegistry.Names"/>, the one list of modules, so a new module is checked the day
/// it is registered and a renamed one cannot silently drop out.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string ModulesNamespace = "GovService.Web.Modules";
    private static readonly Assembly Web = typeof(ModuleRegistry).Assembly;

    public static TheoryData<string> Modules() => [.. ModuleRegistry.Names];

    private static IEnumerable<Type> TypesOf(string module) =>
        Web.GetTypes().Where(t => t.Namespace is { } ns && (ns == $"{ModulesNamespace}.{module}" || ns.StartsWith($"{ModulesNamespace}.{module}.", StringComparison.Ordinal)));

    [Fact]
    public void The_module_list_matches_the_module_namespaces()
    {
        var found = Web.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(ModulesNamespace + ".", StringComparison.Ordinal))
            .Select(ns => ns![(ModulesNamespace.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order();

        Assert.Equal(ModuleRegistry.Names.Order(), found);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_uses_other_modules_only_through_their_contracts(string module)
    {
        Assert.NotEmpty(TypesOf(module));
        var forbidden = ModuleRegistry.Names
            .Where(other => other != module)
            .SelectMany(TypesOf)
            .Where(t => !t.Namespace!.EndsWith(".Contracts", StringComparison.Ordinal))
            .Select(t => t.FullName!)
            .ToArray();

        var result = Types.InAssembly(Web)
            .That().ResideInNamespace($"{ModulesNamespace}.{module}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{module} reaches into another module: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    /// <summary>The compiled Razor views of a module (Modules/&lt;Module&gt;/Views/…), or the portal-wide ones (Views/…).</summary>
    private static IEnumerable<Type> ViewsOf(string? module) =>
        Web.GetTypes().Where(t => t.Namespace == "AspNetCoreGeneratedDocument" && t.Name.StartsWith(module is null ? "Views_" : $"Modules_{module}_Views_", StringComparison.Ordinal));

    /// <summary>Every type of the other modules but their contracts (or of every module, for the portal-wide views).</summary>
    private static string[] NonContractTypesOutside(string? module) =>
        [.. ModuleRegistry.Names.Where(other => other != module).SelectMany(TypesOf).Where(t => !t.Namespace!.EndsWith(".Contracts", StringComparison.Ordinal)).Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_modules_views_use_other_modules_only_through_their_contracts(string module)
    {
        var views = ViewsOf(module).Select(t => t.FullName!).ToArray();
        if (views.Length == 0)
        {
            return;
        }

        var result = Types.InAssembly(Web).That().ResideInNamespace("AspNetCoreGeneratedDocument").And().HaveNameStartingWith($"Modules_{module}_Views_")
            .ShouldNot().HaveDependencyOnAny(NonContractTypesOutside(module))
            .GetResult();

        Assert.True(result.IsSuccessful, $"views of {module} reach into another module: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_portal_wide_views_use_modules_only_through_their_contracts()
    {
        Assert.NotEmpty(ViewsOf(null));
        var result = Types.InAssembly(Web).That().ResideInNamespace("AspNetCoreGeneratedDocument").And().HaveNameStartingWith("Views_")
            .ShouldNot().HaveDependencyOnAny(NonContractTypesOutside(null))
            .GetResult();

        Assert.True(result.IsSuccessful, $"portal-wide views reach into a module: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_view_check_sees_what_views_use()
    {
        // Positive control: the window's intake screen is compiled into the assembly and uses Intake's own types;
        // if the analysis saw no dependencies of compiled views, the view rules above would pass vacuously.
        Assert.Contains(
            Types.InAssembly(Web).That().ResideInNamespace("AspNetCoreGeneratedDocument").And().HaveNameStartingWith("Modules_Intake_Views_").And().HaveDependencyOn($"{ModulesNamespace}.Intake").GetTypes(),
            t => t.Name == "Modules_Intake_Views_Window_Intake");
    }

    [Fact]
    public void Infrastructure_depends_on_no_module()
    {
        // The composition root (ModuleRegistry, namespace GovService.Web.Modules itself) wires modules in; the
        // platform below it (data, jobs, web, logging) may call it but never a module's own types.
        var result = Types.InAssembly(Web)
            .That().ResideInNamespace("GovService.Web.Infrastructure")
            .ShouldNot().HaveDependencyOnAny([.. ModuleRegistry.Names.Select(m => $"{ModulesNamespace}.{m}")])
            .GetResult();

        Assert.True(result.IsSuccessful, "infrastructure uses a module: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// A module's SQL names its own tables, the platform's (ops_) and the views other modules publish for it
    /// (&lt;prefix&gt;_v_…), never another module's tables: those are that module's to change. The tables are read from
    /// the model; the module's C# sources and views are searched for their names.
    /// </summary>
    [Theory]
    [MemberData(nameof(Modules))]
    public void A_modules_SQL_names_no_table_of_another_module(string module)
    {
        using var db = new GovService.Web.Infrastructure.Data.DesignTimeDbContextFactory().CreateDbContext([]);
        var own = TablePrefixes.GetValueOrDefault(module);
        var foreign = db.Model.GetEntityTypes()
            .Select(e => Microsoft.EntityFrameworkCore.RelationalEntityTypeExtensions.GetTableName(e))
            .OfType<string>()
            .Where(t => TablePrefixes.Values.Any(p => t.StartsWith(p, StringComparison.Ordinal)) && (own is null || !t.StartsWith(own, StringComparison.Ordinal)))
            .Distinct()
            .ToList();
        var pattern = new System.Text.RegularExpressions.Regex($@"\b(?:{string.Join('|', foreign)})\b");
        var offences = ModuleSources(module)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => pattern.IsMatch(l.line))
            .Select(l => $"{Path.GetFileName(l.file)}:{l.number}: {pattern.Match(l.line).Value}")
            .ToList();

        Assert.True(offences.Count == 0, $"{module} names another module's tables (read its published view instead): " + string.Join("; ", offences));
    }

    [Fact]
    public void The_table_check_reads_the_modules_SQL()
    {
        // Positive control: Supervision's sweep reads Intake's published view of open clocks, found by the same search.
        Assert.Contains(ModuleSources("Supervision"), f => File.ReadAllText(f).Contains("gov.int_v_open_clocks", StringComparison.Ordinal));
    }

    private static readonly Dictionary<string, string> TablePrefixes = new()
    {
        ["Accounts"] = "acc_",
        ["Organization"] = "org_",
        ["Calendar"] = "cal_",
        ["Catalog"] = "cat_",
        ["Intake"] = "int_",
        ["Approval"] = "apr_",
        ["Certificates"] = "crt_",
        ["Notifications"] = "ntf_",
        ["Supervision"] = "sup_",
        ["Appointments"] = "apt_",
        ["Hall"] = "hal_",
        ["Assistance"] = "asv_",
    };

    private static IEnumerable<string> ModuleSources(string module)
    {
        var root = Path.Combine(GovService.Testing.Repository.WebProject, "Modules", module);
        return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal));
    }

    /// <summary>Which modules each module uses (through their contracts or otherwise), read from the compiled code.</summary>
    private static Dictionary<string, List<string>> ModuleGraph() =>
        ModuleRegistry.Names.ToDictionary(
            module => module,
            module => ModuleRegistry.Names
                .Where(other => other != module && !Types.InAssembly(Web).That().ResideInNamespace($"{ModulesNamespace}.{module}")
                    .ShouldNot().HaveDependencyOn($"{ModulesNamespace}.{other}").GetResult().IsSuccessful)
                .ToList());

    [Fact]
    public void Dependencies_between_modules_point_one_way_with_no_cycle()
    {
        var graph = ModuleGraph();
        var cycles = new List<string>();
        foreach (var start in graph.Keys)
        {
            // Depth-first from each module: reaching the start again is a cycle (A uses B uses … uses A).
            var stack = new Stack<List<string>>([[start]]);
            while (stack.Count > 0)
            {
                var path = stack.Pop();
                foreach (var next in graph[path[^1]])
                {
                    if (next == start)
                    {
                        cycles.Add(string.Join(" → ", path.Append(start)));
                    }
                    else if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0)
                    {
                        stack.Push([.. path, next]);
                    }
                }
            }
        }

        Assert.True(cycles.Count == 0, "modules that depend on each other (let the upstream module own the contract the other implements): " + string.Join("; ", cycles.Distinct()));
    }

    [Fact]
    public void The_module_map_in_the_architecture_document_is_the_one_in_the_code()
    {
        // docs/architecture.md lists, between its module-map markers, which modules each module uses: the rows
        // must be what the compiled code does, so the page cannot drift from the code.
        var doc = File.ReadAllText(Path.Combine(GovService.Testing.Repository.Root, "docs", "architecture.md"));
        var start = doc.IndexOf("<!-- module-map -->", StringComparison.Ordinal);
        var end = doc.IndexOf("<!-- /module-map -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/architecture.md has no <!-- module-map --> … <!-- /module-map --> section");
        var documented = doc[start..end].Split('\n')
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length >= 4 && ModuleRegistry.Names.Contains(cells[1]))
            .ToDictionary(cells => cells[1], cells => string.Join(", ", cells[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(m => m != "—").Order(StringComparer.Ordinal)));
        var actual = ModuleGraph().ToDictionary(kv => kv.Key, kv => string.Join(", ", kv.Value.Order(StringComparer.Ordinal)));

        static string Rows(Dictionary<string, string> map) =>
            string.Join("\n", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"| {kv.Key} | {(kv.Value.Length == 0 ? "—" : kv.Value)} |"));
        Assert.True(Rows(actual) == Rows(documented), "the module map of docs/architecture.md differs from the code; the code's rows are:\n" + Rows(actual));
    }

    [Fact]
    public void The_boundary_check_sees_real_dependencies()
    {
        // Positive control: the portal's home page does use the organisation contract; if the
        // dependency analysis saw nothing, the boundary tests above would pass vacuously.
        Assert.Contains(
            Types.InAssembly(Web).That().ResideInNamespace($"{ModulesNamespace}.Portal").And().HaveDependencyOn($"{ModulesNamespace}.Organization.Contracts").GetTypes(),
            t => t.Name == "HomeController");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_controller_of_a_module_carries_the_module_as_its_area(string module)
    {
        var controllers = TypesOf(module).Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        foreach (var controller in controllers)
        {
            var area = controller.GetCustomAttribute<AreaAttribute>();
            Assert.True(area?.RouteValue == module, $"{controller.Name} must carry [Area(\"{module}\")]");
        }
    }

    [Fact]
    public void Controllers_live_only_in_modules()
    {
        var outside = Web.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !(t.Namespace ?? "").StartsWith(ModulesNamespace + ".", StringComparison.Ordinal))
            .Select(t => t.FullName);

        Assert.Empty(outside);
    }

    [Fact]
    public void The_shared_kernel_depends_on_no_module_and_no_infrastructure()
    {
        var result = Types.InAssembly(Web)
            .That().ResideInNamespace("GovService.Web.Shared")
            .ShouldNot().HaveDependencyOnAny(ModulesNamespace, "GovService.Web.Infrastructure")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Module_tables_carry_the_module_prefix()
    {
        var prefixes = TablePrefixes;
        using var db = new GovService.Web.Infrastructure.Data.DesignTimeDbContextFactory().CreateDbContext([]);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var ns = entity.ClrType.Namespace ?? "";
            var table = Microsoft.EntityFrameworkCore.RelationalEntityTypeExtensions.GetTableName(entity) ?? "";
            var owner = prefixes.Keys.FirstOrDefault(m => ns.StartsWith($"{ModulesNamespace}.{m}", StringComparison.Ordinal));
            if (owner is not null)
            {
                Assert.StartsWith(prefixes[owner], table, StringComparison.Ordinal);
            }
            else if (!table.StartsWith("acc_", StringComparison.Ordinal))
            {
                // Identity's own entity types live in Microsoft namespaces but are Accounts' tables (acc_); the rest is the platform's.
                Assert.StartsWith("ops_", table, StringComparison.Ordinal);
            }
        }
    }
}
