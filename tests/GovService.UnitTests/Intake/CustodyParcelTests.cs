using GovService.Web.Modules.Catalog.Contracts;
using GovService.Web.Modules.Intake.Custody;
using GovService.Web.Modules.Organization.Contracts;

namespace GovService.UnitTests.Intake;

/// <summary>A parcel in custody guards its own journey: sent once, received once, then archived (originals) or handed over (a result).</summary>
public sealed class CustodyParcelTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static CustodyParcel Open(ParcelKind kind) =>
        CustodyParcel.Open(Guid.NewGuid(), kind, "参保登记表（原件1份）", (Guid.NewGuid(), null, "桃源乡便民服务中心"), (null, Guid.NewGuid(), "云溪县人力资源和社会保障局"), At, new DateOnly(2026, 12, 9));

    [Fact]
    public void Originals_go_from_waiting_to_in_transit_to_received_to_archived_with_the_due_day_of_each_leg()
    {
        var parcel = Open(ParcelKind.Originals);
        Assert.Equal((ParcelState.Waiting, new DateOnly(2026, 12, 9)), (parcel.State, parcel.DueOn));
        Assert.True(parcel.IsOverdue(new DateOnly(2026, 12, 10)));

        parcel.Send(ParcelCarrier.InternalMail, " TY-0117 ", At, new DateOnly(2026, 12, 11));
        Assert.Equal((ParcelState.InTransit, "TY-0117", new DateOnly(2026, 12, 11)), (parcel.State, parcel.Tracking, parcel.DueOn));
        Assert.False(parcel.IsOverdue(new DateOnly(2026, 12, 10)));

        parcel.Receive(At);
        Assert.Equal((ParcelState.Received, (DateOnly?)null), (parcel.State, parcel.DueOn));
        Assert.False(parcel.IsOverdue(new DateOnly(2027, 1, 1)));
        Assert.Throws<InvalidOperationException>(() => parcel.HandOver(At));

        parcel.Archive(At);
        Assert.Equal(ParcelState.Archived, parcel.State);
        Assert.Throws<InvalidOperationException>(() => parcel.Archive(At));
    }

    [Fact]
    public void No_leg_is_skipped_or_repeated_and_a_courier_needs_its_number()
    {
        var result = Open(ParcelKind.Result);
        Assert.Throws<InvalidOperationException>(() => result.Receive(At));
        Assert.Throws<InvalidOperationException>(() => result.HandOver(At));
        Assert.Throws<ArgumentException>(() => result.Send(ParcelCarrier.Courier, " ", At, new DateOnly(2026, 12, 11)));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Send((ParcelCarrier)9, "x", At, new DateOnly(2026, 12, 11)));

        result.Send(ParcelCarrier.ByHand, "", At, new DateOnly(2026, 12, 11));
        Assert.Throws<InvalidOperationException>(() => result.Send(ParcelCarrier.ByHand, "", At, new DateOnly(2026, 12, 11)));
        result.Receive(At);
        Assert.Throws<InvalidOperationException>(() => result.Archive(At));
        result.HandOver(At);
        Assert.Equal(ParcelState.HandedOver, result.State);
    }

    [Theory]
    [InlineData(ReceivingPlaces.All, HallKind.VillageStation, true)]
    [InlineData(ReceivingPlaces.CountyCentre | ReceivingPlaces.TownshipCentre, HallKind.VillageStation, false)]
    [InlineData(ReceivingPlaces.CountyCentre | ReceivingPlaces.TownshipCentre, HallKind.TownshipCentre, true)]
    [InlineData(ReceivingPlaces.CountyCentre, HallKind.TownshipCentre, false)]
    [InlineData(ReceivingPlaces.None, HallKind.CountyCentre, false)]
    public void A_hall_receives_only_the_items_whose_places_admit_its_kind(ReceivingPlaces places, HallKind kind, bool admitted) =>
        Assert.Equal(admitted, places.Admit(kind));
}
