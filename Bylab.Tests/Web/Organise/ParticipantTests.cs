using System.Net;
using System.Text;
using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Organise;

public sealed class ParticipantTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task TheEventPageShowsFiguresParticipantsAndWaitlistAndSearches()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, capacity: 4);
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann", companions: 2, needs: "Rullestol", answer: "Parkering");
        var ola = await factory.Events.SignUpGuestAsync(id, "Ola Nordmann");
        var per = await factory.Events.SignUpGuestAsync(id, "Per Hansen", companions: 1);
        Assert.Equal(RegistrationStatus.Waitlisted, per.Status);

        var page = await client.GetPageAsync($"/arrangor/arrangementer/{id}");

        Assert.Equal("4", page.QuerySelector("[data-figure=registered]")!.TextContent);
        Assert.Equal("0", page.QuerySelector("[data-figure=attended]")!.TextContent);
        Assert.Equal("2", page.QuerySelector("[data-figure=waitlisted]")!.TextContent);
        var participants = page.QuerySelector("#participants")!;
        Assert.Equal(2, participants.QuerySelectorAll("tbody tr").Length);
        var kariRow = participants.QuerySelector($"tr[data-registration='{kari.Id}']")!.TextContent;
        Assert.Contains("Rullestol", kariRow);
        Assert.Contains("Parkering", kariRow);
        Assert.Contains(kari.CheckInCode, kariRow);
        Assert.Contains(per.Email, page.QuerySelector("#waitlist")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/arrangor/arrangementer/{id}/deltakere.csv']"));
        Assert.NotNull(page.QuerySelector($"a[href='/arrangor/arrangementer/{id}/innsjekk']"));

        var byCode = await client.GetPageAsync($"/arrangor/arrangementer/{id}?q={ola.CheckInCode.ToLowerInvariant()}");
        Assert.Equal([ola.Id.ToString()], byCode.QuerySelectorAll("tr[data-registration]").Select(r => r.GetAttribute("data-registration")!));
        var byName = await client.GetPageAsync($"/arrangor/arrangementer/{id}?q=hansen");
        Assert.Equal([per.Id.ToString()], byName.QuerySelectorAll("tr[data-registration]").Select(r => r.GetAttribute("data-registration")!));
    }

    [Fact]
    public async Task RemovingAParticipantPromotesTheFirstOnTheWaitlistAndTellsThem()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, capacity: 1);
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        var ola = await factory.Events.SignUpGuestAsync(id, "Ola Nordmann");
        Assert.Equal(RegistrationStatus.Waitlisted, ola.Status);
        var before = (await factory.OutboxForAsync(ola.Email)).Count;

        // The button in the list asks first; the question page holds the form that removes.
        var list = await client.GetPageAsync($"/arrangor/arrangementer/{id}");
        var ask = list.QuerySelector($"a[href^='/arrangor/arrangementer/{id}/deltakere/{kari.Id}/fjern']")!.GetAttribute("href")!;
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.Events.RegistrationOfAsync(id, kari.Email)).Status);
        var page = await client.GetPageAsync(ask);
        Assert.Contains("Kari Nordmann", page.QuerySelector("h1")!.TextContent);
        var response = await client.SubmitAsync(page, new Dictionary<string, string>(), $"form[action='/arrangor/arrangementer/{id}/deltakere/{kari.Id}/fjern']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, (await factory.Events.RegistrationOfAsync(id, kari.Email)).Status);
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.Events.RegistrationOfAsync(id, ola.Email)).Status);
        Assert.True((await factory.OutboxForAsync(ola.Email)).Count > before);
        var after = await client.GetPageAsync($"/arrangor/arrangementer/{id}");
        Assert.Contains("fjernet", after.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task TheCsvOpensInNorwegianExcelAndCannotRunFormulas()
    {
        var (client, staffEmail) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var staffId = await factory.Users.IdOfAsync(staffEmail);
        // Starting within the hour, so the check-in below is inside the check-in window.
        var (id, slug) = await factory.Events.ForOrganiserAsync(ownerId: null, capacity: 10, startsAt: DateTime.UtcNow.AddHours(1));
        var aase = await factory.Events.SignUpGuestAsync(id, "Åse Ødegård-Bæk", companions: 1, needs: "Glutenfri; laktosefri", answer: "Hvorfor \"slik\"?");
        var evil = await factory.Events.SignUpGuestAsync(id, "=HYPERLINK(\"https://example.org\";\"Klikk\")", answer: "+47 12 34 56 78", needs: "@SUM(A1)");
        await factory.WithScopeAsync(sp => sp.GetRequiredService<CheckInService>().CheckInByIdAsync(id, aase.Id, staffId));

        var response = await client.Http.GetAsync($"/arrangor/arrangementer/{id}/deltakere.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{slug}-deltakere.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains(";", Encoding.UTF8.GetString(bytes).Split('\n')[0]);

        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';' });
        var rows = new List<string[]>();
        var header = new List<string>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        header.AddRange(reader.Headers);
        Assert.Equal(["Navn", "E-post", "Status", "Plass på venteliste", "Ledsagere", "Behov", "Svar", "Kode", "Påmeldt", "Sjekket inn"], header);
        Assert.Equal(2, rows.Count);
        var aaseRow = rows.Single(r => r[1] == aase.Email);
        Assert.Equal("Åse Ødegård-Bæk", aaseRow[0]);
        Assert.Equal("Påmeldt", aaseRow[2]);
        Assert.Equal("1", aaseRow[4]);
        Assert.Equal("Glutenfri; laktosefri", aaseRow[5]);
        Assert.Equal("Hvorfor \"slik\"?", aaseRow[6]);
        Assert.Equal(aase.CheckInCode, aaseRow[7]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", aaseRow[9]);
        var evilRow = rows.Single(r => r[1] == evil.Email);
        Assert.Equal("'=HYPERLINK(\"https://example.org\";\"Klikk\")", evilRow[0]);
        Assert.Equal("'@SUM(A1)", evilRow[5]);
        Assert.Equal("'+47 12 34 56 78", evilRow[6]);
        Assert.Equal("", evilRow[9]);
    }

    [Fact]
    public async Task AfterThePersonalDataIsDeletedOnlyTheFiguresRemain()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var start = DateTime.UtcNow.Date.AddDays(-40).AddHours(16);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, startsAt: start);
        await factory.WithDbAsync(async db =>
        {
            var ev = await db.Events.SingleAsync(e => e.Id == id);
            ev.PersonalDataDeletedAt = start.AddDays(31);
            ev.FinalRegistered = 25;
            ev.FinalAttended = 19;
            ev.FinalWaitlisted = 4;
            return await db.SaveChangesAsync();
        });

        var page = await client.GetPageAsync($"/arrangor/arrangementer/{id}");

        Assert.Equal("25", page.QuerySelector("[data-figure=registered]")!.TextContent);
        Assert.Equal("19", page.QuerySelector("[data-figure=attended]")!.TextContent);
        Assert.Equal("6", page.QuerySelector("[data-figure=no-shows]")!.TextContent);
        Assert.Equal("4", page.QuerySelector("[data-figure=waitlisted]")!.TextContent);
        Assert.NotNull(page.QuerySelector("#data-deleted"));
        Assert.Null(page.QuerySelector("#participants"));
        Assert.Null(page.QuerySelector($"a[href='/arrangor/arrangementer/{id}/deltakere.csv']"));
        var csv = await client.Http.GetAsync($"/arrangor/arrangementer/{id}/deltakere.csv");
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);

        // The event is over: it can be copied, not changed.
        Assert.Null(page.QuerySelector($"a[href='/arrangor/arrangementer/{id}/rediger']"));
        var past = await client.GetPageAsync("/arrangor/arrangementer?vis=tidligere");
        Assert.NotNull(past.QuerySelector($"a[href='/arrangor/arrangementer/{id}']"));
    }
}
