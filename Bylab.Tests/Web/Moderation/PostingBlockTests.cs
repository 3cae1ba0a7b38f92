using System.Net;
using AngleSharp.Html.Dom;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Moderation;

/// <summary>
/// Posting blocks over HTTP: a moderator blocks a person with a justification (they are mailed in their language, the
/// audit log has it, optionally all they wrote is hidden) and unblocks; a blocked person who sends an idea, a comment, a
/// reply, a vote, a report or an event sign-up (forms fetched before the block) gets 403 with a clear message, and
/// nothing is stored; they can still sign in, read and download their data.
/// </summary>
public sealed class PostingBlockTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private const string BlockedMessage = "Du er sperret fra å skrive";

    private sealed record Setup(BylabClient Client, string UserId, TestConsultation Consultation, TestIdea Idea, int CommentId);

    /// <summary>A signed-in citizen, an idea and a comment by someone else; the caller fetches its form, then <see cref="BlockAsync"/>.</summary>
    private async Task<Setup> CitizenAsync()
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Sperre"));
        var other = await factory.Users.CitizenAsync("annen");
        var idea = await factory.Ideas.IdeaAsync(other.Id, consultation.Id, TestData.Unique("Idé om sperre"));
        var comment = (await factory.WithAsync((CommentService c) => c.AddAsync(other.Id, idea.Id, null, "En kommentar"))).CommentId!.Value;
        var me = await factory.Users.CitizenAsync("sperret");
        var client = factory.CreateBylabClient();
        await client.LogInAsync(me.Email!, TestData.Password);
        return new Setup(client, me.Id, consultation, idea, comment);
    }

    private async Task BlockAsync(string userId)
    {
        var moderator = await factory.Moderation.ModeratorAsync();
        Assert.Equal(BlockOutcome.Done, await factory.WithAsync((PostingBlocks b) => b.BlockAsync(moderator, userId, "Gjentatt reklame.", hideAll: false)));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var text = (await BylabClient.ParseAsync(response)).QuerySelector("main")!.TextContent;
        Assert.Contains(BlockedMessage, text);
        Assert.Contains("det du sendte, ble ikke lagret", text);
        Assert.Contains("Gjentatt reklame.", text);
    }

    [Fact]
    public async Task ABlockedPersonsIdeaIsRefusedAndNotStored()
    {
        var s = await CitizenAsync();
        var form = await s.Client.GetPageAsync($"/medvirkning/{s.Consultation.Slug}/ny-ide");
        await BlockAsync(s.UserId);

        await AssertRefusedAsync(await s.Client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Title"] = "Kjøp klokker", ["BodyMarkdown"] = "Billige klokker her.", ["Step"] = "submit",
        }));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Ideas.CountAsync(i => i.AuthorId == s.UserId)));
    }

    [Fact]
    public async Task ABlockedPersonsCommentIsRefusedAndNotStored()
    {
        var s = await CitizenAsync();
        var page = await s.Client.GetPageAsync("/ideer/" + s.Idea.Slug);
        await BlockAsync(s.UserId);

        await AssertRefusedAsync(await s.Client.SubmitAsync(page, new Dictionary<string, string> { ["Body"] = "Kjøp klokker" }, "#ny-kommentar"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.AuthorId == s.UserId)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == s.Idea.Id).Select(i => i.CommentCount).SingleAsync()));
    }

    [Fact]
    public async Task ABlockedPersonsReplyIsRefusedAndNotStored()
    {
        var s = await CitizenAsync();
        var page = await s.Client.GetPageAsync("/ideer/" + s.Idea.Slug);
        await BlockAsync(s.UserId);

        await AssertRefusedAsync(await s.Client.SubmitAsync(page, new Dictionary<string, string> { ["Body"] = "Enig, kjøp klokker" }, "details.reply form"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.AuthorId == s.UserId)));
    }

    [Fact]
    public async Task ABlockedPersonsVoteIsRefusedAndNotStored()
    {
        var s = await CitizenAsync();
        var page = await s.Client.GetPageAsync("/ideer/" + s.Idea.Slug);
        await BlockAsync(s.UserId);

        await AssertRefusedAsync(await s.Client.SubmitAsync(page, new Dictionary<string, string>(), "form[data-vote-form]"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Votes.CountAsync(v => v.UserId == s.UserId)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == s.Idea.Id).Select(i => i.VoteCount).SingleAsync()));
    }

    [Fact]
    public async Task ABlockedPersonsReportIsRefusedAndNotStored()
    {
        var s = await CitizenAsync();
        var form = await s.Client.GetPageAsync($"/meld/kommentar/{s.CommentId}");
        await BlockAsync(s.UserId);

        await AssertRefusedAsync(await s.Client.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = "Spam" }));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Reports.CountAsync(r => r.ReporterId == s.UserId)));
    }

    [Fact]
    public async Task ABlockedPersonsEventSignUpIsRefusedAndNotStored()
    {
        var s = await CitizenAsync();
        var ev = await factory.Events.AtBylabAsync(TestData.Unique("Åpent møte"));
        var page = await s.Client.GetPageAsync($"/arrangementer/{ev.Slug}");
        await BlockAsync(s.UserId);

        await AssertRefusedAsync(await s.Client.SubmitAsync(page, new Dictionary<string, string> { ["Consent"] = "true" }, "#pamelding form"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Registrations.CountAsync(r => r.UserId == s.UserId)));
    }

    [Fact]
    public async Task ABlockedPersonCanStillSignInReadAndDownloadTheirData()
    {
        var s = await CitizenAsync();
        await BlockAsync(s.UserId);
        var email = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == s.UserId).Select(u => u.Email!).SingleAsync());
        var again = factory.CreateBylabClient();
        await again.LogInAsync(email, TestData.Password);

        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/ideer/" + s.Idea.Slug)).StatusCode);
        var profile = await again.GetPageAsync("/min-side");
        var download = await again.SubmitAsync(profile, new Dictionary<string, string>(), "form[action='/min-side/data']");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains(email, await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AModeratorBlocksWithAReasonHidingAllAndUnblocksAndThePersonIsToldInTheirLanguage()
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Sperre"));
        var person = await factory.Users.CitizenAsync("spammer", "en");
        var idea = await factory.Ideas.IdeaAsync(person.Id, consultation.Id, "Kjøp billige klokker");
        var (moderator, _) = await factory.SignedInWithTotpAsync("moderator", Roles.Moderator);
        var form = await moderator.GetPageAsync($"/admin/moderering/sperrer?bruker={person.Id}");

        // No justification: the message is on the field, nothing is stored.
        var empty = await moderator.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Skriv en begrunnelse.", (await BylabClient.ParseAsync(empty)).QuerySelector("#Reason-error")?.TextContent.Trim());
        var tooLong = await moderator.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = new string('x', 10_000) });
        Assert.Contains("høyst 1000 tegn", (await BylabClient.ParseAsync(tooLong)).QuerySelector("#Reason-error")?.TextContent);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PostingBlocks.CountAsync(b => b.UserId == person.Id)));

        var blocked = await moderator.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = "Gjentatt reklame.", ["HideAll"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        var mail = Assert.Single(await factory.OutboxForAsync(person.Email!), m => m.Subject == "You are blocked from posting on Bylab");
        Assert.Contains("Justification: Gjentatt reklame.", mail.TextBody);
        Assert.Contains("Everything you have written is hidden as well.", mail.TextBody);
        Assert.Equal(ModerationState.Hidden, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id).Select(i => i.ModerationState).SingleAsync()));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == ModerationAuditActions.UserBlocked && a.TargetId == person.Id));
        Assert.Equal("Gjentatt reklame.", audit.Details);
        var list = await moderator.GetPageAsync("/admin/moderering/sperrer");
        Assert.Contains("Gjentatt reklame.", list.QuerySelector($"#sperre-{person.Id}")!.TextContent);

        // The same form again: already blocked, one block.
        await moderator.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = "Gjentatt reklame.", ["HideAll"] = "true" });
        Assert.Equal(1, await factory.WithDbAsync(db => db.PostingBlocks.CountAsync(b => b.UserId == person.Id)));

        var unblocked = await moderator.SubmitAsync(list, new Dictionary<string, string>(), $"#sperre-{person.Id} form");
        Assert.Equal(HttpStatusCode.Redirect, unblocked.StatusCode);
        Assert.Single(await factory.OutboxForAsync(person.Email!), m => m.Subject == "Your block on Bylab is lifted");
        var replay = await moderator.SubmitAsync(list, new Dictionary<string, string>(), $"#sperre-{person.Id} form");
        Assert.Contains("Personen er ikke sperret", (await moderator.GetPageAsync(replay.Headers.Location!.ToString())).QuerySelector("main")!.TextContent);
        Assert.Single(await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == ModerationAuditActions.UserUnblocked && a.TargetId == person.Id).ToListAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.PostingBlocks.CountAsync(b => b.UserId == person.Id && b.LiftedAt == null)));
    }
}
