using System.Net;
using AngleSharp.Html.Dom;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Bylab.Tests.Web.Organise;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// Every form refuses a line break in a single-line field with a clear message on that field, in the person's
/// language, keeps what was typed and saves nothing.
/// </summary>
public sealed class SingleLineFieldTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private const string Message = "Teksten må stå på én linje, uten linjeskift, tabulator eller andre kontrolltegn.";

    private static async Task<IHtmlDocument> RefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Contains(Message, page.QuerySelector($"#{field}-error")?.TextContent ?? string.Join(" | ", page.ErrorSummary()));
        Assert.Contains(page.ErrorSummary(), e => e == Message);
        return page;
    }

    [Fact]
    public async Task RegistrationRefusesALineBreakInTheName()
    {
        var email = TestData.UniqueEmail();
        using var client = factory.CreateBylabClient();

        var response = await client.SubmitAsync("/konto/registrer", new Dictionary<string, string>
        {
            ["DisplayName"] = "Kari\r\nKlikk her", ["Email"] = email, ["Password"] = TestData.Password,
            ["ConfirmPassword"] = TestData.Password, ["AcceptPrivacy"] = "true",
        });

        var page = await RefusedAsync(response, "DisplayName");
        Assert.Equal(email, page.FieldValue("Email"));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task ProfileRefusesALineBreakInTheName()
    {
        var (client, email) = await factory.SignedInAsync("kari", Roles.Citizen);
        using var _ = client;

        var response = await client.SubmitAsync("/min-side/rediger", new Dictionary<string, string> { ["DisplayName"] = "Kari\nNordmann" });

        await RefusedAsync(response, "DisplayName");
        Assert.Equal(email.Split('@')[0], await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task GuestSignUpRefusesALineBreakInTheName()
    {
        var (id, slug) = await factory.Events.ForOrganiserAsync(null);
        using var client = factory.CreateBylabClient();
        var email = TestData.UniqueEmail("gjest");

        var response = await client.SubmitAsync($"/arrangementer/{slug}", new Dictionary<string, string>
        {
            ["Name"] = "Kari\r\n\r\nKlikk her: https://evil.example/", ["Email"] = email, ["Consent"] = "true",
        }, "form[action$='/pamelding']");

        await RefusedAsync(response, "Name");
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.EventId == id)));
    }

    [Fact]
    public async Task OrganisationFormRefusesALineBreakInTheName()
    {
        // The organiser shown on an event is the organisation's name: it is refused where it is typed.
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        using var _c = client;
        var contact = TestData.UniqueEmail("kontakt");

        var response = await client.SubmitAsync("/admin/organisasjoner/ny", new Dictionary<string, string>
        {
            ["Name"] = "Ola\r\nEND:VEVENT", ["ContactName"] = "Ola Nordmann", ["ContactEmail"] = contact,
        });

        var page = await RefusedAsync(response, "Name");
        Assert.Equal(contact, page.FieldValue("ContactEmail"));
        Assert.False(await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.ContactEmail == contact)));
    }

    [Fact]
    public async Task BookingRequestRefusesALineBreakInThePurpose()
    {
        var (client, email) = await factory.SignedInAsync("arrangor", Roles.Organiser);
        using var _c = client;
        var organisation = await factory.Bookings.OrganisationAsync("Co Urban", memberIds: await factory.Users.IdOfAsync(email));
        var date = factory.Bookings.Date(DayOfWeek.Tuesday, 3);

        var response = await client.SubmitAsync("/lokalet/bookinger/ny", new Dictionary<string, string>
        {
            ["OrganisationId"] = organisation.ToString(), ["SpaceId"] = (await factory.Bookings.SpaceAsync()).Id.ToString(),
            ["Date"] = date.ToString("yyyy-MM-dd"), ["StartTime"] = "18:00", ["EndTime"] = "20:00", ["Purpose"] = "Styremøte\nSUMMARY:Gratis",
            ["ExpectedPeople"] = "6", ["Repeat"] = "None",
        }, "#booking-form");

        var page = await RefusedAsync(response, "Purpose");
        Assert.Equal("18:00", page.FieldValue("StartTime"));
        Assert.False(await factory.WithDbAsync(db => db.Bookings.AnyAsync(b => b.OrganisationId == organisation)));
    }

    [Fact]
    public async Task EventFormRefusesAYearFarAhead()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        using var _c = client;
        var title = $"År 9999 {Guid.NewGuid():N}";
        var form = await client.GetPageAsync("/arrangor/arrangementer/ny");

        var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Title"] = title, ["Summary"] = "Kort.", ["DescriptionMarkdown"] = "Tekst.", ["Audience"] = "Everyone",
            ["StartsAt"] = "9999-09-01T18:00", ["EndsAt"] = "9999-09-01T20:00", ["LocationKind"] = "Online",
            ["OnlineUrl"] = "https://example.org/mote", ["OrganiserName"] = "Hamar kommune", ["Capacity"] = "20",
        }, "#event-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#StartsAt-error"));
        Assert.Equal("9999-09-01T18:00", page.FieldValue("StartsAt"));
        Assert.False(await factory.WithDbAsync(db => db.Events.AnyAsync(e => e.Title == title)));
    }
}
