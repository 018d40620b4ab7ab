using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;
using GovService.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Infrastructure.Validation;

/// <summary>
/// Runs the FluentValidation validator of every action argument that has one and puts its messages
/// into ModelState next to the fields, before the action runs. Controllers then only check
/// <c>ModelState.IsValid</c>; nothing can post around a validator. A form over one of its bounds answers 400.
/// </summary>
internal sealed class FluentValidationFilter(IServiceProvider services, IStringLocalizer<SharedResource> l, ILogger<FluentValidationFilter> logger) : IAsyncActionFilter
{
    /// <summary>The declared bound ([MaxLength]) of each action parameter, read once.</summary>
    private static readonly ConcurrentDictionary<ParameterInfo, int?> ParameterBounds = new();

    /// <summary>IValidator&lt;T&gt; per argument type, made once (a generic type made per request and argument costs).</summary>
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (QueryOverItsBound(context) is { } refused)
        {
            // A query parameter longer than it may be (a page's search box, a lookup): no page can show anything for it.
            context.HttpContext.Items[HostileInput.ReasonItem] = l["HostileInput.QueryTooLong", refused.Name, refused.Max].Value;
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            if (!context.ActionArguments.TryGetValue(parameter.Name, out var argument) || argument is null)
            {
                continue;
            }

            var validatorType = ValidatorTypes.GetOrAdd(argument.GetType(), static type => typeof(IValidator<>).MakeGenericType(type));
            if (services.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            if (result.Errors.Any(Bounds.IsBound))
            {
                // Over-long input is a bad request whatever page comes back with it (the action may still set another status).
                context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            var prefix = parameter.BindingInfo?.BinderModelName;
            foreach (var error in result.Errors)
            {
                var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
                // A binding error (e.g. "abc" for a number) already explains the field; don't stack a second message.
                if (context.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
                {
                    continue;
                }

                context.ModelState.AddModelError(key, error.ErrorMessage);
            }
        }

        if (!context.ModelState.IsValid)
        {
            // Which fields were refused (never their values: they may hold personal data).
            logger.LogInformation("Form {Path} refused: {Fields}", context.HttpContext.Request.Path.Value, context.ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList());
        }

        await next();
    }

    /// <summary>
    /// On a GET, the first string parameter over its [MaxLength]. A form's parameters (POST) are refused by their
    /// action beside the form, from ModelState, where MVC puts the broken bound.
    /// </summary>
    private static (string Name, int Max)? QueryOverItsBound(ActionExecutingContext context)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            return null;
        }

        foreach (var parameter in context.ActionDescriptor.Parameters.OfType<ControllerParameterDescriptor>())
        {
            var max = ParameterBounds.GetOrAdd(parameter.ParameterInfo, static p => p.GetCustomAttribute<MaxLengthAttribute>()?.Length);
            if (max is { } bound && context.ActionArguments.TryGetValue(parameter.Name, out var value) && value is string text && text.Length > bound)
            {
                return (parameter.Name, bound);
            }
        }

        return null;
    }
}
