using GovService.Web.Modules.Supervision.Domain;

namespace GovService.UnitTests.Supervision;

/// <summary>督办单, 投诉 and 整改工单 refuse every transition their lifecycle does not allow.</summary>
public sealed class WorkTransitionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void An_order_is_answered_once_then_closed_by_the_supervisor()
    {
        var order = new SupervisionOrder { Number = "DB20261123000001" };
        Assert.Throws<InvalidOperationException>(() => order.Close("同意", At));

        order.RecordAnswer("  已整改  ", "陈静", At);
        Assert.Equal(OrderState.Answered, order.State);
        Assert.Equal("已整改", order.Result);
        Assert.Equal(At.ToUniversalTime(), order.AnsweredAt);
        Assert.Equal(TimeSpan.Zero, order.StateChangedAt.Offset);
        Assert.False(order.AwaitsAnswer);
        Assert.Throws<InvalidOperationException>(() => order.RecordAnswer("再答", "陈静", At));

        order.Close(" 同意办结 ", At.AddHours(1));
        Assert.Equal(OrderState.Closed, order.State);
        Assert.Equal("同意办结", order.ClosingNote);
        Assert.Throws<InvalidOperationException>(() => order.Close("again", At));
        Assert.Throws<InvalidOperationException>(() => order.CloseAsMoot("撤回", At));
    }

    [Fact]
    public void A_moot_order_can_be_neither_answered_nor_closed()
    {
        var order = new SupervisionOrder { Number = "DB20261123000002" };
        order.CloseAsMoot("办件已撤回", At);
        Assert.Throws<InvalidOperationException>(() => order.RecordAnswer("答复", "陈静", At));
        Assert.Throws<InvalidOperationException>(() => order.Close("同意", At));
    }

    [Fact]
    public void A_complaint_is_answered_once()
    {
        var complaint = new Complaint { Number = "TS20261123000001" };
        complaint.RecordAnswer(" 已核实 ", "陈静", At);
        Assert.Equal(ComplaintState.Answered, complaint.State);
        Assert.Equal("已核实", complaint.Answer);
        Assert.Equal("陈静", complaint.AnsweredByName);
        Assert.Throws<InvalidOperationException>(() => complaint.RecordAnswer("再答", "陈静", At));
    }

    private static (RectificationOrder Order, Rating Rating) WorkOrder()
    {
        var rating = new Rating { Level = Satisfaction.VeryDissatisfied };
        return (new RectificationOrder { Number = "ZG20261123000001", RatingId = rating.Id }, rating);
    }

    [Fact]
    public void A_work_order_is_fed_back_then_rerated_and_then_closed()
    {
        var (order, _) = WorkOrder();
        Assert.Throws<InvalidOperationException>(() => order.Rerate(Satisfaction.Satisfied, "", At));

        order.FeedBack(" 已回访 ", " 已设专人 ", "陈静", At);
        Assert.Equal(RectificationState.FedBack, order.State);
        Assert.Equal(("已回访", "已设专人"), (order.CallbackNote, order.Rectification));
        Assert.Throws<InvalidOperationException>(() => order.FeedBack("again", "again", "陈静", At));

        order.Rerate(Satisfaction.Satisfied, " 好多了 ", At);
        Assert.Equal(RectificationState.Closed, order.State);
        Assert.Equal(Satisfaction.Satisfied, order.Rerating);
        Assert.Throws<InvalidOperationException>(() => order.Rerate(Satisfaction.Satisfied, "", At));
    }

    [Theory]
    [InlineData(true, RectificationState.Voided, AppealState.Upheld)]
    [InlineData(false, RectificationState.Open, AppealState.Rejected)]
    public void An_appeal_is_decided_once_and_the_rating_follows(bool upheld, RectificationState state, AppealState appeal)
    {
        var (order, rating) = WorkOrder();
        Assert.Throws<InvalidOperationException>(() => order.DecideAppeal(rating, upheld, "复核", "supervisor", At));

        order.Appeal(rating, " 恶意差评 ", At);
        Assert.Equal(RectificationState.Appealed, order.State);
        Assert.Equal(AppealState.Pending, rating.Appeal);
        Assert.Throws<InvalidOperationException>(() => order.Appeal(rating, "again", At));
        Assert.Throws<InvalidOperationException>(() => order.FeedBack("回访", "整改", "陈静", At));

        order.DecideAppeal(rating, upheld, " 复核意见 ", "督查", At);
        Assert.Equal(state, order.State);
        Assert.Equal(appeal, rating.Appeal);
        Assert.Equal("复核意见", order.AppealDecision);
        Assert.Throws<InvalidOperationException>(() => order.DecideAppeal(rating, upheld, "again", "督查", At));
    }

    [Fact]
    public void A_work_order_refuses_another_orders_rating()
    {
        var (order, _) = WorkOrder();
        var other = new Rating();
        Assert.Throws<InvalidOperationException>(() => order.Appeal(other, "恶意差评", At));
        Assert.Equal(RectificationState.Open, order.State);
        Assert.Equal(AppealState.None, other.Appeal);
    }
}
