using Bylab.Core.Accounts;
using Bylab.Core.Bookings;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Bylab.Web.Features.Bookings;

namespace Bylab.Tests.Web.Bookings;

/// <summary>The calendar and the lists say why something is missing: a taken day, a closed day staff still use, an empty year, no organisation.</summary>
public sealed class BookingPagesSayWhyTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task StaffSeeTheirBlockOnAClosedDayInTheMonthAndAFullDaySaysItIsFullyBooked()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var municipality = await factory.Bookings.MunicipalityIdAsync();
        var (whole, meeting) = (await factory.Bookings.SpaceAsync(TestBookings.Whole), await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom));
        var sunday = factory.Bookings.Date(DayOfWeek.Sunday, 13);
        var thursday = factory.Bookings.Date(DayOfWeek.Thursday, 13);
        var block = await factory.Bookings.AddAsync(municipality, whole, TestBookings.Oslo(sunday, 12), TestBookings.Oslo(sunday, 15),
            TestData.Unique("Valglokale"), kind: BookingKind.Block);
        await factory.Bookings.AddAsync(municipality, meeting, TestBookings.Oslo(thursday, 8), TestBookings.Oslo(thursday, 22),
            TestData.Unique("Kurs for de ansatte"), kind: BookingKind.Block);

        var month = await staff.GetPageAsync(BookingPaths.MonthOf(sunday.Year, sunday.Month, null));
        var week = await staff.GetPageAsync(BookingPaths.WeekOf(thursday, meeting.Id));

        Assert.Contains(month.QuerySelectorAll("td.venue-month__closed"), cell => cell.TextContent.Contains(block.Purpose));
        Assert.Contains("Ingen ledig tid: fullbooket", week.Body!.TextContent);
    }

    [Fact]
    public async Task AYearWithoutBookingsSaysSoInEachTable()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);

        var page = await staff.GetPageAsync("/admin/bookinger/statistikk?ar=2099");

        Assert.Contains("Ingen bookinger i denne perioden.", page.QuerySelector("#by-organisation")!.TextContent);
        Assert.Contains("Ingen bookinger i denne perioden.", page.QuerySelector("#by-space")!.TextContent);
    }

    [Fact]
    public async Task StaffInNoOrganisationAreToldWhyAndSeeWhatTheyAskedForThemselves()
    {
        var member = await factory.Users.CreateAsync("Una Ungdom", TestData.UniqueEmail("ungdom"), null, "nb", Roles.Organiser);
        var organisation = await factory.Bookings.OrganisationAsync("Ungdomsrådet", memberIds: member.Id);
        var (staff, email) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var staffId = await factory.Users.IdOfAsync(email);
        var meeting = await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom);
        var purpose = TestData.Unique("Ungdomsrådets møte, bestilt av Bylab");
        await factory.Bookings.AddAsync(organisation, meeting, TestBookings.Oslo(factory.Bookings.Date(DayOfWeek.Wednesday, 13), 18),
            TestBookings.Oslo(factory.Bookings.Date(DayOfWeek.Wednesday, 13), 20), purpose, BookingStatus.Pending, requestedById: staffId);

        var page = await staff.GetPageAsync("/lokalet/bookinger");

        Assert.Contains("Du er ikke medlem av noen organisasjon", page.QuerySelector(".ds-alert")!.TextContent);
        Assert.Contains(purpose, page.Body!.TextContent);
    }
}
