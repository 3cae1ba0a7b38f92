using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Organise;
using Ical.Net;

namespace Bylab.Tests.Web.Events;

/// <summary>What the event pages say is true: a place is named once, and a freed place goes to a waitlist only when there is one.</summary>
public sealed class HonestEventTextsTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task APlacesNameIsNotRepeatedInItsAddressOnThePageOrInTheCalendarFile()
    {
        var ev = await factory.Events.AtBylabAsync("Sykkeltur fra torget", e =>
        {
            e.LocationKind = EventLocationKind.Elsewhere;
            e.VenueId = null;
            e.PlaceName = "Stortorget";
            e.PlaceAddress = "Stortorget, 2317 Hamar";
        });
        using var client = factory.CreateBylabClient();

        var page = await client.GetPageAsync($"/arrangementer/{ev.Slug}");
        var place = page.QuerySelectorAll(".event-facts div").Single(d => d.QuerySelector("dt")!.TextContent == "Sted").QuerySelector("dd")!.TextContent;
        Assert.Equal(1, CountOf(place, "Stortorget"));
        Assert.Contains("2317 Hamar", place);

        var card = (await client.GetPageAsync("/arrangementer")).QuerySelectorAll(".event-card").Single(c => c.TextContent.Contains("Sykkeltur fra torget"));
        Assert.Equal(1, CountOf(card.TextContent, "Stortorget"));

        var ics = await client.Http.GetStringAsync($"/arrangementer/{ev.Slug}/kalender.ics");
        Assert.Equal("Stortorget, 2317 Hamar", Calendar.Load(ics)!.Events.Single().Location);
    }

    [Fact]
    public async Task TheCancelQuestionPromisesThePlaceToTheWaitlistOnlyWhenSomeoneWaits()
    {
        var ev = await factory.Events.AtBylabAsync("Lite verksted", e => e.Capacity = 1);
        var kari = await factory.Events.SignUpGuestAsync(ev.Id, "Kari Nordmann", companions: 0);
        using var client = factory.CreateBylabClient();

        var alone = (await client.GetPageAsync($"/pamelding/{kari.ManageToken}")).QuerySelector(".registration-cancel")!.TextContent;
        Assert.Contains("Plassen din blir ledig for andre", alone);
        Assert.DoesNotContain("ventelisten", alone);

        await factory.Events.SignUpGuestAsync(ev.Id, "Ola Nordmann", companions: 0);
        var waited = (await client.GetPageAsync($"/pamelding/{kari.ManageToken}")).QuerySelector(".registration-cancel")!.TextContent;
        Assert.Contains("Plassen din går videre til den første på ventelisten", waited);
    }

    private static int CountOf(string text, string word) => (text.Length - text.Replace(word, "").Length) / word.Length;
}
