using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>What the pages say is true at once: votes left after a vote, a blocked account, a moderator's dashboard, a comment deleted only when confirmed.</summary>
public sealed class HonestTextsBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task AVoteShowsTheVotesLeftAtOnce()
    {
        var (consultationId, _) = await Factory.Ideas.ConsultationAsync(TestData.Unique("Stemmer som teller"));
        await Factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == consultationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.MaxVotesPerPerson, 2)));
        var author = await Factory.Users.CitizenAsync("forfatter");
        var ideaId = (await Factory.Ideas.IdeaAsync(author.Id, consultationId, "Badeplass ved Domkirkeodden")).Id;
        var voter = await Factory.Users.CitizenAsync("velger");

        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(voter.Email!);
            await page.GotoAsync("/ideer/" + Slugs.WithId("Badeplass ved Domkirkeodden", ideaId));
            var left = page.Locator("[data-votes-left]");
            await Expect(left).ToHaveTextAsync("Du har 2 stemmer igjen i denne medvirkningen.");
            var url = page.Url;

            await page.GetByRole(AriaRole.Button, new() { Name = "Stem på ideen" }).ClickAsync();
            await Expect(left).ToHaveTextAsync("Du har 1 stemme igjen i denne medvirkningen.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Fjern stemmen min" }).ClickAsync();
            await Expect(left).ToHaveTextAsync("Du har 2 stemmer igjen i denne medvirkningen.");
            // Done in place by votes.js: the page was never reloaded.
            Assert.Equal(url, page.Url);
            await page.AssertAccessibleAsync();
        });
    }

    [Fact]
    public async Task ABlockedPersonIsToldWhomToContactInTheirLanguage()
    {
        var email = TestData.UniqueEmail("sperret");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)));

        await InBrowserAsync(async page =>
        {
            await SubmitLoginAsync(page, email, TestData.Password);
            await Expect(Heading(page)).ToHaveTextAsync("Kontoen er sperret");
            await Expect(page.Locator("#blocked-contact")).ToContainTextAsync("bylab@hamar.kommune.no");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Glemt passordet?" })).ToHaveCountAsync(0);
            await page.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await page.GotoAsync("/konto/logg-inn");
            await page.GetByLabel("E-mail address").FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestData.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("The account is blocked");
            await page.AssertAccessibleAsync();
        });
    }

    [Fact]
    public async Task AModeratorReadsWhatTheyCanDoAndAnAuthorConfirmsBeforeDeletingAComment()
    {
        var email = TestData.UniqueEmail("moderator");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Moderator]);
        var key = await Factory.EnableTotpAsync(email);
        var (consultationId, _) = await Factory.Ideas.ConsultationAsync(TestData.Unique("Kommentarer som angres"));
        var author = await Factory.Users.CitizenAsync("forfatter");
        var ideaId = (await Factory.Ideas.IdeaAsync(author.Id, consultationId, "Isbane på torget")).Id;
        await Factory.WithScopeAsync(sp => sp.GetRequiredService<CommentService>().AddAsync(author.Id, ideaId, null, "Dette skrev jeg for fort."));

        await InBrowserAsync(async page =>
        {
            await page.LogInWithTotpAsync(email, key);
            await page.GotoAsync("/admin");
            await Expect(page.Locator("[data-role-section=moderator]")).ToContainTextAsync("finnes ikke på nettstedet ennå");
            await Expect(page.Locator("[data-count]")).ToHaveCountAsync(0);
            await page.AssertAccessibleAsync();
        }, "moderator");

        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(author.Email!);
            await page.GotoAsync("/ideer/" + Slugs.WithId("Isbane på torget", ideaId));
            await page.Locator(".comment").GetByRole(AriaRole.Link, new() { Name = "Slett" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Vil du slette kommentaren?");
            await Expect(page.Locator("blockquote")).ToContainTextAsync("Dette skrev jeg for fort.");
            await page.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Nei, behold den" }).ClickAsync();
            await Expect(page.Locator(".comment")).ToContainTextAsync("Dette skrev jeg for fort.");
            await page.Locator(".comment").GetByRole(AriaRole.Link, new() { Name = "Slett" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Ja, slett kommentaren" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kommentaren er slettet.");
            await Expect(page.GetByText("Dette skrev jeg for fort.")).ToHaveCountAsync(0);
            await page.AssertAccessibleAsync();
        }, "author");
    }
}
