using GovService.Web.Modules.Organization.Admin;
using GovService.Web.Modules.Organization.Departments;
using GovService.Web.Modules.Organization.Domain;
using Microsoft.AspNetCore.Mvc;

namespace GovService.Web.Modules.Organization.Controllers;

[Area(OrganizationModule.Name)]
[Route("admin/departments")]
public sealed class DepartmentsController(OrganizationPages pages, SaveDepartment save, OrganizationLookups lookups) : AdminFormController<Department, DepartmentForm>
{
    protected override Task<List<Department>> ListAsync() => pages.DepartmentsAsync();

    protected override Task<DepartmentForm?> FindAsync(Guid id) => pages.DepartmentFormAsync(id);

    protected override Task<IReadOnlyList<FormError>> SaveAsync(DepartmentForm form, CancellationToken ct) => save.RunAsync(form, ct);

    protected override async Task FillChoicesAsync() => ViewBag.Regions = await lookups.RegionsAsync();
}
