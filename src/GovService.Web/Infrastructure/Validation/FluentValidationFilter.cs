using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace GovService.Web.Infrastructure.Validation;

/// <summary>
/// Runs the FluentValidation validator of every action argument that has one and puts its messages
/// into ModelState next to the fields, before the action runs. Controllers then only check
/// <c>ModelState.IsValid</c>; nothing can post around a validator. A form over one of its bounds answers 400.
/// </summary>
internal sealed class FluentValidationFilter(IServiceProvider services, ILogger<FluentValidationFilter> logger) : IAsyncActionFilter
{
    /// <summary>IValidator&lt;T&gt; per argument type, made once (a generic type made per request and argument costs).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
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
}
