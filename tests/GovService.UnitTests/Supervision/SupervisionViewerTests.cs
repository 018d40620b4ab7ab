using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Supervision.Dashboard;
using GovService.Web.Modules.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovService.UnitTests.Supervision;

public sealed class SupervisionViewerTests
{
    private static readonly Guid Hall = Guid.NewGuid(), OtherHall = Guid.NewGuid(), Department = Guid.NewGuid(), OtherDepartment = Guid.NewGuid();

    private static SupervisionViewer Viewer(string role, Guid? hall, Guid? department, bool supervisor = false) =>
        new(new StaffPlacement(Guid.NewGuid(), "某人", role, "", "", hall, null, department, null, null, null), supervisor, new HashSet<Guid> { Hall });

    public static TheoryData<string> Viewers => ["supervisor", "reviewer", "clerk", "unplaced"];

    private static SupervisionViewer ViewerNamed(string name) => name switch
    {
        "supervisor" => Viewer("Supervisor", null, null, supervisor: true),
        "reviewer" => Viewer("Reviewer", null, Department),
        "clerk" => Viewer("Clerk", Hall, null),
        _ => Viewer("Reviewer", null, null),
    };

    [Theory]
    [MemberData(nameof(Viewers))]
    public void A_list_shows_what_the_viewer_may_open(string name)
    {
        var viewer = ViewerNamed(name);
        SupervisionOrder[] orders =
        [
            new() { DepartmentId = Department, HallId = Hall },
            new() { DepartmentId = null, HallId = Hall },         // no department holds the case: the hall answers
            new() { DepartmentId = OtherDepartment, HallId = OtherHall },
            new() { DepartmentId = null, HallId = OtherHall },
            new() { DepartmentId = null, HallId = null },
        ];

        var listed = viewer.Visible(orders.AsQueryable()).ToList();

        Assert.Equal(orders.Where(o => viewer.MaySee(o.DepartmentId, o.HallId)), listed);
        Assert.Equal(name == "unplaced", listed.Count == 0);
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public void The_filter_is_translated_to_sql_for_every_kind_of_supervision_work(string name)
    {
        var viewer = ViewerNamed(name);
        using var db = SqlOnlyContext.Create();

        Assert.Contains("WHERE", viewer.Visible(db.Set<SupervisionOrder>()).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("WHERE", viewer.Visible(db.Set<RectificationOrder>()).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("WHERE", viewer.Visible(db.Set<Complaint>()).ToQueryString(), StringComparison.Ordinal);
    }
}
