using System.ComponentModel.DataAnnotations;
using FluentValidation;
using GovService.Web.Modules.Catalog.Domain;
using Microsoft.Extensions.Localization;

namespace GovService.Web.Modules.Catalog.Admin;

public enum RetireOutcome
{
    Retired = 1,
    NothingPublished = 2,
    NoSuchItem = 3,
    Invalid = 4,
}

/// <summary>The confirmation form for withdrawing an item: why it is withdrawn (kept with the version and shown in its history).</summary>
public sealed class RetireForm
{
    public const int MaxReason = ItemVersion.MaxRetireReason;

    [Display(Name = "Admin.Retire.Reason")]
    public string Reason { get; set; } = "";
}

internal sealed class RetireFormValidator : AbstractValidator<RetireForm>
{
    public RetireFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(l["Admin.Retire.ReasonRequired"])
            .MaximumLength(RetireForm.MaxReason).WithMessage(l["Common.TooLong", RetireForm.MaxReason]);
    }
}

/// <summary>
/// Withdraws an item from the catalog, with the administrator's reason, after they confirmed it on its own page;
/// its versions stay readable in the history and cases already under way keep their version.
/// </summary>
public sealed class RetireItem(CatalogEditor editor)
{
    public async Task<RetireOutcome> RunAsync(string code, RetireForm form, bool fieldsValid, string user, CancellationToken ct)
    {
        var item = await editor.FindItemAsync(code, ct);
        if (item is null)
        {
            return RetireOutcome.NoSuchItem;
        }

        if (!fieldsValid)
        {
            return RetireOutcome.Invalid;
        }

        return await editor.RetireAsync(item, form.Reason.Trim(), user, ct) ? RetireOutcome.Retired : RetireOutcome.NothingPublished;
    }
}
