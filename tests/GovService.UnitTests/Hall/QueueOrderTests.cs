using GovService.Web.Modules.Hall.Contracts;
using GovService.Web.Modules.Hall.Domain;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Shared.Identity;

namespace GovService.UnitTests.Hall;

public sealed class QueueOrderTests
{
    private static string IdBornOn(string birth)
    {
        var first17 = $"361131{birth}001";
        return first17 + ChineseIdNumber.ComputeCheckCharacter(first17);
    }

    [Theory]
    [InlineData("19661207", true)]  // 60 today
    [InlineData("19661208", false)] // 60 tomorrow
    [InlineData("19400101", true)]
    [InlineData("19850612", false)]
    public void Elderly_means_sixty_on_the_day_by_the_id_numbers_birth_date(string birth, bool elderly) =>
        Assert.Equal(elderly, QueueOrder.IsElderly(IdBornOn(birth), new DateOnly(2026, 12, 7)));

    [Fact]
    public void A_ticket_gets_the_reasons_its_source_may_give_and_elderly_from_the_id_number_only()
    {
        var today = new DateOnly(2026, 12, 7);
        var all = PriorityReason.GreenChannel | PriorityReason.Appointment | PriorityReason.Disabled | PriorityReason.Elderly;
        Assert.Equal(PriorityReason.Disabled, QueueOrder.Reasons(all, null, TicketSource.Kiosk, today));
        Assert.Equal(PriorityReason.Disabled | PriorityReason.Elderly, QueueOrder.Reasons(all, IdBornOn("19500101"), TicketSource.Kiosk, today));
        Assert.Equal(PriorityReason.GreenChannel | PriorityReason.Appointment | PriorityReason.Disabled, QueueOrder.Reasons(all, IdBornOn("19900101"), TicketSource.Clerk, today));
    }

    [Fact]
    public void Rank_green_channel_then_elderly_and_disabled_then_appointment_then_everyone_else()
    {
        Assert.Equal(1, QueueOrder.Rank(PriorityReason.GreenChannel | PriorityReason.Elderly));
        Assert.Equal(2, QueueOrder.Rank(PriorityReason.Elderly));
        Assert.Equal(2, QueueOrder.Rank(PriorityReason.Disabled | PriorityReason.Appointment));
        Assert.Equal(3, QueueOrder.Rank(PriorityReason.Appointment));
        Assert.Equal(9, QueueOrder.Rank(PriorityReason.None));
    }

    [Fact]
    public void Numbers_are_the_categorys_letter_and_three_digits_at_least()
    {
        Assert.Equal("A001", QueueOrder.Code(WindowCategory.Comprehensive, 1));
        Assert.Equal("C012", QueueOrder.Code(WindowCategory.SocialSecurity, 12));
        Assert.Equal("B1000", QueueOrder.Code(WindowCategory.Business, 1000));
    }

    [Theory]
    [InlineData(0, null, 10, 1, 0)]
    [InlineData(5, null, 10, 1, 50)]
    [InlineData(5, null, 10, 4, 13)]
    [InlineData(3, 7.5, 10, 1, 23)]
    [InlineData(3, 7.5, 10, 0, 23)]
    public void The_estimated_wait_is_people_ahead_times_todays_average_or_the_default_over_the_windows_serving(int ahead, double? average, int fallback, int windows, int minutes) =>
        Assert.Equal(minutes, QueueOrder.EstimatedWaitMinutes(ahead, average, fallback, windows));

    [Fact]
    public void An_absent_ticket_goes_back_once_and_a_finished_one_cannot_be_called()
    {
        var at = DateTimeOffset.UnixEpoch;
        var t = new Ticket { Code = "A001" };
        t.Call(Guid.NewGuid(), 1, Guid.NewGuid(), "李娜", at);
        t.MarkAbsent(at);
        t.Requeue(at.AddMinutes(1));
        Assert.Equal((TicketState.Waiting, (Guid?)null), (t.State, t.WindowId));
        t.Call(Guid.NewGuid(), 2, Guid.NewGuid(), "李娜", at.AddMinutes(2));
        t.MarkAbsent(at.AddMinutes(3));
        Assert.Throws<TicketTransitionException>(() => t.Requeue(at.AddMinutes(4)));
        Assert.Equal(at, t.FirstCalledAt);

        var done = new Ticket { Code = "A002" };
        done.Call(Guid.NewGuid(), 1, Guid.NewGuid(), "李娜", at);
        done.Start(at);
        done.Finish(at);
        Assert.Equal(TicketRating.None, done.Rating);
        Assert.Throws<TicketTransitionException>(() => done.Call(Guid.NewGuid(), 1, Guid.NewGuid(), "李娜", at));
    }
}
