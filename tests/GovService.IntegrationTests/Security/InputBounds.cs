using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
using GovService.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovService.IntegrationTests.Security;

/// <summary>A text a route takes, as the form or query names it, and the longest value it may have.</summary>
/// <param name="Field">The posted name: <c>opinion</c>, <c>NewWindow.Name</c>, <c>Fields[*]</c> (a dictionary, any key), <c>Materials[0].Defect</c>.</param>
/// <param name="Max">The bound, or null when the text has none (a defect of the app).</param>
public sealed record BoundedText(string Field, int? Max, string Where);

/// <summary>
/// Reads from the app's endpoint table every text each route takes (its action's string parameters, the string
/// properties of its form models, their dictionaries and lists) and the bound the app declares for it: a
/// MaximumLength rule (or a dictionary's BoundedEntries) in the form's FluentValidation validator, a [MaxLength] on a
/// parameter. A text without a bound shows as one with <see cref="BoundedText.Max"/> null.
/// </summary>
public static class InputBounds
{
    public static IEnumerable<(RouteEndpoint Endpoint, string Route, ControllerActionDescriptor Action)> Actions(IServiceProvider services)
    {
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            {
                yield return (endpoint, $"{method} /{(endpoint.RoutePattern.RawText ?? "").TrimStart('/')}", action);
            }
        }
    }

    /// <summary>The texts of a route (nothing for one that is not an MVC action).</summary>
    public static IReadOnlyList<BoundedText> Of(IServiceProvider services, string route)
    {
        var found = Actions(services).FirstOrDefault(a => a.Route == route);
        return found.Action is null ? [] : Of(services, found.Endpoint, found.Action);
    }

    public static IReadOnlyList<BoundedText> Of(IServiceProvider services, RouteEndpoint endpoint, ControllerActionDescriptor action)
    {
        using var scope = services.CreateScope();
        var texts = new List<BoundedText>();
        var inPath = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action.Parameters.OfType<ControllerParameterDescriptor>())
        {
            var source = parameter.BindingInfo?.BindingSource;
            var type = parameter.ParameterType;
            if (source == BindingSource.Services || source == BindingSource.Special || type == typeof(CancellationToken) || IsFile(type) || inPath.Contains(parameter.Name))
            {
                continue;
            }

            var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
            var where = $"{action.DisplayName} parameter {parameter.Name}";
            if (type == typeof(string))
            {
                var max = parameter.ParameterInfo.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? parameter.ParameterInfo.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength;
                texts.Add(new(name, max, where));
            }
            else if (!IsSimple(type))
            {
                // A complex model binds without a prefix unless one is named (MVC falls back to none when nothing carries the parameter's name).
                var prefix = parameter.BindingInfo?.BinderModelName ?? "";
                Model(scope.ServiceProvider, type, prefix, where, texts);
            }
        }

        return texts;
    }

    private static void Model(IServiceProvider services, Type type, string prefix, string where, List<BoundedText> texts)
    {
        if (ElementOf(type) is { } element && !IsSimple(element))
        {
            // A list posted as the action's argument: its own validator (the filter looks one up by the argument's type) must bound each element.
            var listValidator = services.GetService(typeof(IValidator<>).MakeGenericType(type)) as IValidator;
            Properties(services, element, $"{prefix}[0]", where, texts, listValidator is null ? null : services.GetService(typeof(IValidator<>).MakeGenericType(element)) as IValidator);
            return;
        }

        Properties(services, type, prefix, where, texts, services.GetService(typeof(IValidator<>).MakeGenericType(type)) as IValidator);
    }

    private static void Properties(IServiceProvider services, Type type, string prefix, string where, List<BoundedText> texts, IValidator? validator)
    {
        var descriptor = validator?.CreateDescriptor();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic))
        {
            var field = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var rules = descriptor?.GetValidatorsForMember(property.Name).Select(v => v.Validator).ToList() ?? [];
            var at = $"{where}: {type.Name}.{property.Name}";
            var propertyType = property.PropertyType;
            if (propertyType == typeof(string))
            {
                texts.Add(new(field, rules.OfType<ILengthValidator>().Where(l => l.Max > 0).Select(l => (int?)l.Max).Min(), at));
            }
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>) && propertyType.GetGenericArguments()[1] == typeof(string))
            {
                var key = propertyType.GetGenericArguments()[0] == typeof(string) ? "*" : "0";
                texts.Add(new($"{field}[{key}]", rules.Select(MaxOfEntries).FirstOrDefault(m => m is not null), at));
            }
            else if (ElementOf(propertyType) is { } element && element == typeof(string))
            {
                texts.Add(new($"{field}[0]", rules.OfType<ILengthValidator>().Where(l => l.Max > 0).Select(l => (int?)l.Max).Min(), at));
            }
            else if (ElementOf(propertyType) is { } complex && !IsSimple(complex))
            {
                // Each element validated by its own validator, set on this member (RuleForEach(...).SetValidator).
                var child = rules.Count > 0 ? services.GetService(typeof(IValidator<>).MakeGenericType(complex)) as IValidator : null;
                Properties(services, complex, $"{field}[0]", where, texts, child);
            }
        }
    }

    private static int? MaxOfEntries(IPropertyValidator validator)
    {
        var type = validator.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(BoundedEntries<,>) ? (int?)type.GetProperty(nameof(BoundedEntries<object, int>.Max))!.GetValue(validator) : null;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1 ? type.GetGenericArguments()[0]
        : null;

    private static bool IsFile(Type type) => typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type) || ElementOf(type) is { } e && typeof(IFormFile).IsAssignableFrom(e);

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly)
            || (ElementOf(t) is { } element && element != t && IsSimple(element));
    }
}
