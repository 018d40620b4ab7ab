using Serilog.Core;
using Serilog.Events;

namespace GovService.Web.Infrastructure.Logging;

/// <summary>
/// Adds <c>Module</c> to every log event: the module of the logging type's namespace
/// (GovService.Web.Modules.&lt;Module&gt;…), "Platform" for the host and "Framework" for libraries.
/// Request log lines get the module of the route's area from the request-logging enricher instead.
/// </summary>
internal sealed class ModuleEnricher : ILogEventEnricher
{
    private const string ModulesNamespace = "GovService.Web.Modules.";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.ContainsKey("Module"))
        {
            return;
        }

        var source = logEvent.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string s } ? s : "";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Module", ModuleOf(source)));
    }

    internal static string ModuleOf(string sourceContext)
    {
        if (sourceContext.StartsWith(ModulesNamespace, StringComparison.Ordinal))
        {
            var rest = sourceContext[ModulesNamespace.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? rest : rest[..dot];
        }

        return sourceContext.StartsWith("GovService.", StringComparison.Ordinal) ? "Platform" : "Framework";
    }
}
