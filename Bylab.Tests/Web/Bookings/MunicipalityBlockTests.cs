using Bylab.Core.Accounts;
using Bylab.Core.Bookings;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Bookings;

/// <summary>Staff's blocks are in the municipality's name; an organiser who is a member of it neither sees, cancels nor takes one over.</summary>
public sealed class MunicipalityBlockTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task AMemberOfTheMunicipalityNeitherListsCancelsNorTurnsStaffsBlockIntoAnEvent()
    {
        var email = TestData.UniqueEmail("kommune-arrangor");
        var user = await factory.Users.CreateAsync("Kari Kommune", email, TestData.Password, "nb", Roles.Organiser);
        var municipality = await factory.Bookings.MunicipalityIdAsync();
        await factory.Bookings.AddMemberAsync(municipality, user.Id);
        var date = factory.Bookings.Date(DayOfWeek.Tuesday, 8);
        var whole = await factory.Bookings.SpaceAsync(TestBookings.Whole);
        var block = await factory.Bookings.AddAsync(municipality, whole, TestBookings.Oslo(date, 17), TestBookings.Oslo(date, 21),
            TestData.Unique("Folkemøte om budsjettet"), isPublic: true, kind: BookingKind.Block);
        var open = await factory.Bookings.AddAsync(municipality, whole, TestBookings.Oslo(date.AddDays(1), 17), TestBookings.Oslo(date.AddDays(1), 21),
            TestData.Unique("Åpen dag i Bylab"), isPublic: true, kind: BookingKind.Block);
        var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);

        var listed = (await client.GetPageAsync("/lokalet/bookinger")).Body!.TextContent.Contains(block.Purpose);
        var token = BylabClient.TokenFrom(await client.GetPageAsync("/lokalet/bookinger/ny"));
        await client.PostRawAsync($"/lokalet/bookinger/{block.Id}/avbestill", [new("__RequestVerificationToken", token), new("Confirm", "true")]);
        await client.PostRawAsync($"/lokalet/bookinger/{open.Id}/arrangement", [new("__RequestVerificationToken", token)]);

        var madeEvent = await factory.WithDbAsync(db => db.Events.AnyAsync(e => e.BookingId == open.Id));
        Assert.Equal((false, BookingStatus.Approved, false), (listed, (await factory.Bookings.StoredAsync(block.Id)).Status, madeEvent));
    }
}
