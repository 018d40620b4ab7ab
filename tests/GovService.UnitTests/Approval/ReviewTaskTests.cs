using GovService.Web.Modules.Approval.Domain;

namespace GovService.UnitTests.Approval;

public sealed class ReviewTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ReviewTask Claimed(bool decides = false) => new()
    {
        State = TaskState.Open, Decides = decides, ClaimedByStaffId = Guid.NewGuid(), ClaimedByName = "李审", ClaimedAt = Now,
    };

    [Fact]
    public void A_step_opens_in_its_queue_unclaimed_when_its_stage_is_reached()
    {
        var task = new ReviewTask { ClaimedByStaffId = Guid.NewGuid(), ClaimedByName = "stale" };

        Assert.False(task.IsClaimable);
        task.Open(Today, Now);

        Assert.Equal((TaskState.Open, Today, Now.ToUniversalTime()), (task.State, task.OpenedOn, task.OpenedAt));
        Assert.Equal(((Guid?)null, "", (DateTimeOffset?)null), (task.ClaimedByStaffId, task.ClaimedByName, task.ClaimedAt));
        Assert.True(task.IsClaimable);
        Assert.Throws<InvalidOperationException>(() => task.Open(Today, Now));
    }

    [Fact]
    public void Passing_keeps_who_held_the_step_and_the_trimmed_opinion()
    {
        var task = Claimed();
        var holder = task.ClaimedByStaffId;

        task.Pass("  符合条件 ", Now);

        Assert.Equal((TaskState.Passed, "符合条件", Now.ToUniversalTime(), holder), (task.State, task.Opinion, task.CompletedAt, task.ClaimedByStaffId));
        Assert.Equal(task.CompletedAt, task.LastActivityAt);
        Assert.False(task.IsClaimable);
    }

    [Theory]
    [InlineData(TaskState.Waiting)]
    [InlineData(TaskState.Passed)]
    [InlineData(TaskState.Skipped)]
    [InlineData(TaskState.Returned)]
    [InlineData(TaskState.Transferred)]
    [InlineData(TaskState.Decided)]
    [InlineData(TaskState.Cancelled)]
    public void Only_an_open_step_is_passed_skipped_returned_transferred_or_decided(TaskState state)
    {
        var task = new ReviewTask { State = state, Decides = true };

        Assert.Throws<InvalidOperationException>(() => task.Pass("ok", Now));
        Assert.Throws<InvalidOperationException>(() => task.Skip(Now));
        Assert.Throws<InvalidOperationException>(() => task.Return("back", Now));
        Assert.Throws<InvalidOperationException>(() => task.Transfer("elsewhere", Now));
        Assert.Throws<InvalidOperationException>(() => task.Decide("approved", Now));
        Assert.Equal(state, task.State);
        Assert.Null(task.CompletedAt);
    }

    [Fact]
    public void Only_the_deciding_step_decides()
    {
        var review = Claimed();
        var decision = Claimed(decides: true);

        Assert.Throws<InvalidOperationException>(() => review.Decide("准予", Now));
        decision.Decide("准予", Now);

        Assert.Equal(TaskState.Open, review.State);
        Assert.Equal(TaskState.Decided, decision.State);
    }

    [Fact]
    public void Cancelling_ends_the_claim_and_only_a_pending_step_is_cancelled()
    {
        var task = Claimed();

        task.Cancel(" 申请人撤回 ", Now);

        Assert.Equal((TaskState.Cancelled, "申请人撤回", (Guid?)null, ""), (task.State, task.Opinion, task.ClaimedByStaffId, task.ClaimedByName));
        Assert.Throws<InvalidOperationException>(() => task.Cancel("again", Now));
        new ReviewTask().Cancel("waiting steps go too", Now);
    }

    [Theory]
    [InlineData(TaskState.Open, false, true)]
    [InlineData(TaskState.Open, true, false)]
    [InlineData(TaskState.Waiting, false, false)]
    [InlineData(TaskState.Passed, false, false)]
    public void A_step_is_claimable_in_its_queue_while_nobody_holds_it(TaskState state, bool held, bool claimable)
    {
        var task = new ReviewTask { State = state, ClaimedByStaffId = held ? Guid.NewGuid() : null };

        Assert.Equal(claimable, task.IsClaimable);
        Assert.Equal(claimable, new[] { task }.AsQueryable().Any(ReviewTask.Claimable));
    }

    [Fact]
    public void A_stand_in_is_a_new_waiting_step_of_the_same_stage_in_this_or_another_department()
    {
        var task = Claimed(decides: true);
        (task.CaseId, task.CaseNumber, task.Stage, task.Mode, task.Name, task.DepartmentId, task.LimitWorkingDays, task.ChiefMayDecide) =
            (Guid.NewGuid(), "SC2026112300001", 2, StageMode.AnyOf, "审查", Guid.NewGuid(), 5, true);
        task.Transfer("转办", Now);

        var same = task.StandIn();
        var elsewhere = Guid.NewGuid();
        var moved = task.StandIn(elsewhere);

        Assert.NotEqual(task.Id, same.Id);
        Assert.Equal((TaskState.Waiting, (Guid?)null, ""), (same.State, same.ClaimedByStaffId, same.Opinion));
        Assert.Equal((task.CaseId, task.CaseNumber, task.Stage, task.Mode, task.Name, task.DepartmentId, task.LimitWorkingDays, task.Decides, task.ChiefMayDecide),
            (same.CaseId, same.CaseNumber, same.Stage, same.Mode, same.Name, same.DepartmentId, same.LimitWorkingDays, same.Decides, same.ChiefMayDecide));
        Assert.Equal((elsewhere, task.Stage), (moved.DepartmentId, moved.Stage));
        same.Open(Today, Now);
        Assert.True(same.IsClaimable);
    }
}
