using GovService.Web.Infrastructure.Data;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Supervision.CardRules;

/// <summary>An administrator's yellow-card rule for an item (a 12-digit basic code), or one of its steps.</summary>
public sealed record CardRuleForm(string? BasicCode, string? StepName, int? YellowPercent, int? YellowDaysLeft, string UpdatedBy);

/// <summary>
/// Sets the yellow-card rule of an item or step (one per pair, replaced when set again): a percentage of the time used
/// (1–100), working days left (0–60), or both. Returns the error to show, or null when saved.
/// </summary>
public sealed class SaveCardRule(GovDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<string?> RunAsync(CardRuleForm form, CancellationToken ct)
    {
        var code = (form.BasicCode ?? "").Trim();
        var step = (form.StepName ?? "").Trim();
        if (code.Length != 12 || !code.All(char.IsAsciiDigit))
        {
            return l["Supervision.Rule.BadCode"].Value;
        }

        if (form.YellowPercent is null && form.YellowDaysLeft is null)
        {
            return l["Supervision.Rule.NeedOne"].Value;
        }

        if (form.YellowPercent is < 1 or > 100 || form.YellowDaysLeft is < 0 or > 60 || step.Length > 100)
        {
            return l["Supervision.Rule.OutOfRange"].Value;
        }

        var rule = await db.Set<CardRule>().FirstOrDefaultAsync(r => r.BasicCode == code && r.StepName == step, ct) ?? db.Add(new CardRule { BasicCode = code, StepName = step }).Entity;
        rule.YellowPercent = form.YellowPercent;
        rule.YellowDaysLeft = form.YellowDaysLeft;
        rule.UpdatedBy = form.UpdatedBy;
        rule.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        await db.SaveChangesAsync(ct);
        return null;
    }
}
