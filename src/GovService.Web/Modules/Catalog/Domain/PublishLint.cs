using GovService.Web.Modules.Catalog.Contracts;

namespace GovService.Web.Modules.Catalog.Domain;

/// <summary>A reason publishing is refused; <see cref="Key"/> is a resource key, <see cref="Args"/> fill its placeholders.</summary>
public sealed record LintProblem(string Key, params object[] Args);

/// <summary>
/// The checks that block publishing an inconsistent guide (DESIGN §3). All problems are reported at
/// once so the administrator fixes them in one pass.
/// </summary>
public static class PublishLint
{
    public static IReadOnlyList<LintProblem> Check(ItemVersion version)
    {
        var problems = new List<LintProblem>();

        if (string.IsNullOrWhiteSpace(version.Name))
        {
            problems.Add(new("Lint.NoName"));
        }

        if (string.IsNullOrWhiteSpace(version.LegalBasis))
        {
            problems.Add(new("Lint.NoLegalBasis"));
        }

        if (string.IsNullOrWhiteSpace(version.Conditions))
        {
            problems.Add(new("Lint.NoConditions"));
        }

        if (string.IsNullOrWhiteSpace(version.ImplementingBodyCode))
        {
            problems.Add(new("Lint.NoImplementingBody"));
        }

        if (version.StatutoryLimit <= 0 && !version.IsImmediate)
        {
            problems.Add(new("Lint.NoStatutoryLimit"));
        }

        if (PromisedExceedsStatutory(version))
        {
            problems.Add((version.PromisedUnit, version.StatutoryUnit) switch
            {
                (TimeUnit.WorkingDay, TimeUnit.NaturalDay) => new("Lint.PromisedWorkingExceedsStatutoryNatural", version.PromisedLimit, CalendarDaysFor(version.PromisedLimit), version.StatutoryLimit),
                (TimeUnit.NaturalDay, TimeUnit.WorkingDay) => new("Lint.PromisedNaturalExceedsStatutoryWorking", version.PromisedLimit, version.StatutoryLimit, CalendarDaysFor(version.StatutoryLimit)),
                _ => new("Lint.PromisedExceedsStatutory", version.PromisedLimit, version.StatutoryLimit),
            });
        }

        if (version.IsImmediate && version.PromisedLimit > 0)
        {
            problems.Add(new("Lint.ImmediateWithPromisedDays", version.PromisedLimit));
        }

        if (!version.IsImmediate && version.PromisedLimit <= 0)
        {
            problems.Add(new("Lint.PromiseWithoutDays"));
        }

        if (string.IsNullOrWhiteSpace(version.SupervisionPhone))
        {
            problems.Add(new("Lint.NoSupervisionPhone"));
        }

        if (string.IsNullOrWhiteSpace(version.ConsultPhone))
        {
            problems.Add(new("Lint.NoConsultPhone"));
        }

        if (version.ServiceObjects.Length == 0)
        {
            problems.Add(new("Lint.NoServiceObject"));
        }

        if (version.Channels.Length == 0)
        {
            problems.Add(new("Lint.NoChannel"));
        }

        foreach (var material in version.Materials.OrderBy(m => m.Position))
        {
            if (material.Source == MaterialSource.Unknown)
            {
                problems.Add(new("Lint.MaterialWithoutSource", material.Name));
            }

            if (material.Source == MaterialSource.Government && string.IsNullOrWhiteSpace(material.IssuingBody))
            {
                problems.Add(new("Lint.MaterialWithoutIssuingBody", material.Name));
            }

            if (material.IsForm && material.BlankFormFileId is null)
            {
                problems.Add(new("Lint.FormWithoutBlank", material.Name));
            }

            if (material.DeficiencyAllowed && !material.Required)
            {
                // 容缺 only means something for a material that is normally required.
                problems.Add(new("Lint.DeficiencyOnOptional", material.Name));
            }
        }

        foreach (var field in version.Fields.Where(f => f.Kind.HasOptions() && f.Options.Length < 2))
        {
            problems.Add(new("Lint.ChoiceWithoutOptions", field.Label));
        }

        if (version.BusinessKind.Supersedes() && version.ResultType != ResultType.Licence)
        {
            // 变更 / 延续 / 补证 / 换证 replace a licence the applicant holds: without a licence as the result there is none to replace.
            problems.Add(new("Lint.SupersedesWithoutLicence"));
        }

        return problems;
    }

    /// <summary>
    /// Compares in one unit, whichever side counts working days: the working days are turned into the calendar
    /// days they take (<see cref="CalendarDaysFor"/>) and compared with the natural days of the other side. So a
    /// promise of 10 工作日 against a statutory 10 自然日 is refused as surely as 29 自然日 against 20 工作日.
    /// </summary>
    public static bool PromisedExceedsStatutory(ItemVersion v)
    {
        if (v.StatutoryLimit <= 0 || v.PromisedLimit <= 0)
        {
            return false;
        }

        return InCalendarDays(v.PromisedLimit, v.PromisedUnit) > InCalendarDays(v.StatutoryLimit, v.StatutoryUnit)
            || (v.PromisedUnit == v.StatutoryUnit && v.PromisedLimit > v.StatutoryLimit);
    }

    /// <summary>The calendar days a number of working days takes: five working days to a week of seven, rounded up.</summary>
    public static int CalendarDaysFor(int workingDays) => (int)Math.Ceiling(workingDays * 7 / 5.0);

    private static int InCalendarDays(int limit, TimeUnit unit) => unit == TimeUnit.WorkingDay ? CalendarDaysFor(limit) : limit;
}
