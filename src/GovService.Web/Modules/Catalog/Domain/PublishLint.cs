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
            problems.Add(new("Lint.PromisedExceedsStatutory", version.PromisedLimit, version.StatutoryLimit));
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
    /// Compares in the same unit; a promise in natural days against a statutory limit in working days
    /// is compared after turning working days into the calendar days they take at least (5 per 7).
    /// </summary>
    public static bool PromisedExceedsStatutory(ItemVersion v)
    {
        if (v.StatutoryLimit <= 0 || v.PromisedLimit <= 0)
        {
            return false;
        }

        return (v.PromisedUnit, v.StatutoryUnit) switch
        {
            var (p, s) when p == s => v.PromisedLimit > v.StatutoryLimit,
            (TimeUnit.NaturalDay, TimeUnit.WorkingDay) => v.PromisedLimit > (int)Math.Ceiling(v.StatutoryLimit * 7 / 5.0),
            _ => v.PromisedLimit > v.StatutoryLimit,
        };
    }
}
