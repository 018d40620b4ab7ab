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
        var prefixes = new Dictionary<string, string>
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
        };
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
