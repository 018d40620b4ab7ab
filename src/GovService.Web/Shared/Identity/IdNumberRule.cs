using FluentValidation;
using GovService.Web.Shared.Calendar;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Shared.Identity;

public static class IdNumberRule
{
    /// <summary>The GB 11643 check with the precise, localised reason (format, region, birth date or check character).</summary>
    public static IRuleBuilderOptionsConditions<T, string> ValidChineseIdNumber<T>(this IRuleBuilder<T, string> rule, IStringLocalizer<SharedResource> l, TimeProvider clock) =>
        rule.Custom((value, context) =>
        {
            var problem = ChineseIdNumber.Check(value, clock.Today());
            if (problem != IdNumberProblem.None)
            {
                context.AddFailure(l[$"IdNumber.{problem}"]);
            }
        });
}
