using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Shared.Security;
using GovService.Web.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Organization.Controllers;

/// <summary>
/// The administrators' list-and-form pages of the organisation (regions, departments): the list, a blank form, the form
/// filled from its row, and a save that comes back to the form with what was wrong next to the fields.
/// </summary>
[Area(OrganizationModule.Name)]
[Authorize(Policy = Policies.AdminOnly)]
public abstract class AdminFormController<TRow, TForm> : Controller
    where TForm : new()
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ListAsync());

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await Form(new TForm());

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) => await FindAsync(id) is { } form ? await Form(form) : NotFound();

    [HttpPost("save")]
    public async Task<IActionResult> Save(TForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && !ModelState.AddErrors((await SaveAsync(form, ct)).Select(e => (e.Field, e.Message))))
        {
            TempData["Flash"] = "Common.Saved";
            return RedirectToAction(nameof(Index));
        }

        return await Form(form);
    }

    protected abstract Task<List<TRow>> ListAsync();

    protected abstract Task<TForm?> FindAsync(Guid id);

    protected abstract Task<IReadOnlyList<FormError>> SaveAsync(TForm form, CancellationToken ct);

    /// <summary>The form's drop-downs, in <see cref="Controller.ViewBag"/>.</summary>
    protected abstract Task FillChoicesAsync();

    private async Task<IActionResult> Form(TForm form)
    {
        await FillChoicesAsync();
        return View("Edit", form);
    }
}
