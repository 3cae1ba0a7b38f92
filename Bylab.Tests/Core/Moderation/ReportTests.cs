using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Moderation;

/// <summary>
/// Reports: one per person and item (the database holds it), never of one's own, hidden or deleted items; reports from
/// <see cref="ModerationOptions.ReportThreshold"/> different people hide the item once, and its author gets one statement
/// of reasons in their language, even when the reports race.
/// </summary>
public sealed class ReportTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<(string Author, int Idea, int Comment)> ContentAsync(string authorCulture = "nb")
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = await _h.Users.CreateAsync("forfatter", culture: authorCulture);
        var other = (await _h.Users.CreateAsync("annen")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author.Id, consultation)).Id;
        var comment = (await _h.WithAsync((CommentService c) => c.AddAsync(author.Id, idea, null, "Min kommentar"))).CommentId!.Value;
        return (author.Id, idea, comment);
    }

    [Fact]
    public async Task TenConcurrentReportsFromTenPeopleHideOnceMailTheAuthorOnceAndAreAllStored()
    {
        var (author, idea, comment) = await ContentAsync(authorCulture: "nn");
        var reporters = (await _h.Users.CreateManyAsync(10, "melder")).Select(u => u.Id).ToList();
        var before = _h.Mail.Sent.Count;

        var results = await Task.WhenAll(reporters.Select((r, n) => Task.Run(() =>
            _h.Moderation.ReportAsync(r, ContentKind.Comment, comment, n % 3 == 0 ? ModerationReason.Spam : ModerationReason.OffensiveOrHateful))));

        // The threshold is 3: the third report hides the comment; the seven after it join the hidden comment's review.
        Assert.Equal(1, results.Count(r => r.Outcome == ReportOutcome.ReportedAndHidden));
        Assert.Equal(9, results.Count(r => r.Outcome == ReportOutcome.Reported));
        var stored = await _h.WithDbAsync(db => db.Reports.CountAsync(r => r.ItemKind == ContentKind.Comment && r.ItemId == comment));
        Assert.Equal(10, stored);
        var hidden = await _h.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == comment));
        Assert.Equal((ModerationState.Hidden, null), (hidden.ModerationState, hidden.ModeratedById));
        var mail = Assert.Single(_h.Mail.Sent.Skip(before));
        Assert.Equal($"Comment {comment} Hidden {hidden.ModerationReason} automatic=True culture=nn", mail.TextBody);
        Assert.Single(await _h.WithDbAsync(db => db.ModerationNotices.Where(n => n.SentAt != null).ToListAsync()));
        var audit = (await _h.AuditAsync()).Where(a => a.Action == ModerationAuditActions.HiddenAutomatically).ToList();
        Assert.Equal(("comment", comment.ToString()), (Assert.Single(audit).TargetType, audit[0].TargetId));
        Assert.Equal(0, (await _h.Ideas.DetailsAsync(idea)).CommentCount);
    }

    [Fact]
    public async Task WithAThresholdOfTenTenConcurrentReportsAreAllStoredAndHideOnce()
    {
        _h.Options<ModerationOptions>().ReportThreshold = 10;
        var (_, idea, _) = await ContentAsync();
        var reporters = (await _h.Users.CreateManyAsync(10, "melder")).Select(u => u.Id).ToList();
        var before = _h.Mail.Sent.Count;

        var results = await Task.WhenAll(reporters.Select(r => Task.Run(() => _h.Moderation.ReportAsync(r, ContentKind.Idea, idea))));

        Assert.Equal(1, results.Count(r => r.Outcome == ReportOutcome.ReportedAndHidden));
        Assert.Equal(9, results.Count(r => r.Outcome == ReportOutcome.Reported));
        Assert.Equal(10, await _h.WithDbAsync(db => db.Reports.CountAsync(r => r.ItemKind == ContentKind.Idea && r.ItemId == idea)));
        Assert.Single(_h.Mail.Sent.Skip(before));
        Assert.Equal(1, (await _h.AuditAsync()).Count(a => a.Action == ModerationAuditActions.HiddenAutomatically));
        Assert.Equal(ModerationState.Hidden, (await _h.Ideas.DetailsAsync(idea)).Moderation?.State);
    }

    [Fact]
    public async Task BelowTheThresholdNothingIsHiddenAndNobodyIsMailed()
    {
        var (_, idea, _) = await ContentAsync();
        var reporters = (await _h.Users.CreateManyAsync(2, "melder")).Select(u => u.Id).ToList();
        var before = _h.Mail.Sent.Count;
        foreach (var r in reporters)
        {
            Assert.Equal(ReportOutcome.Reported, (await _h.Moderation.ReportAsync(r, ContentKind.Idea, idea)).Outcome);
        }
        Assert.Null((await _h.Ideas.DetailsAsync(idea)).Moderation);
        Assert.Equal(before, _h.Mail.Sent.Count);
    }

    [Fact]
    public async Task OwnHiddenDeletedAndMissingItemsAndSecondReportsAreRefusedAndStoreNothing()
    {
        var (author, idea, comment) = await ContentAsync();
        var reporter = (await _h.Users.CreateAsync("melder")).Id;

        Assert.Equal(ReportOutcome.OwnContent, (await _h.Moderation.ReportAsync(author, ContentKind.Idea, idea)).Outcome);
        Assert.Equal(ReportOutcome.Reported, (await _h.Moderation.ReportAsync(reporter, ContentKind.Idea, idea)).Outcome);
        Assert.Equal(ReportOutcome.AlreadyReported, (await _h.Moderation.ReportAsync(reporter, ContentKind.Idea, idea, ModerationReason.Other)).Outcome);
        Assert.Equal(ReportOutcome.NotFound, (await _h.Moderation.ReportAsync(reporter, ContentKind.Idea, 999_999)).Outcome);
        Assert.Equal(ReportOutcome.NotFound, (await _h.Moderation.ReportAsync(reporter, (ContentKind)77, idea)).Outcome);
        Assert.Equal(ReportOutcome.InvalidInput, (await _h.Moderation.ReportAsync(reporter, ContentKind.Comment, comment, (ModerationReason)42)).Outcome);
        Assert.Equal(ReportOutcome.InvalidInput,
            (await _h.Moderation.ReportAsync(reporter, ContentKind.Comment, comment, ModerationReason.Other, new string('x', 10_000))).Outcome);
        Assert.Equal(ReportOutcome.InvalidInput,
            (await _h.Moderation.ReportAsync(reporter, ContentKind.Comment, comment, ModerationReason.Other, "Linje\u0007")).Outcome);

        await _h.WithAsync((CommentService c) => c.DeleteAsync(author, comment));
        Assert.Equal(ReportOutcome.NotAvailable, (await _h.Moderation.ReportAsync(reporter, ContentKind.Comment, comment)).Outcome);
        await _h.Moderation.HideAsync(ContentKind.Idea, idea);
        var other = (await _h.Users.CreateAsync("annen melder")).Id;
        Assert.Equal(ReportOutcome.NotAvailable, (await _h.Moderation.ReportAsync(other, ContentKind.Idea, idea)).Outcome);

        Assert.Equal(1, await _h.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task TheDatabaseRefusesASecondReportFromOnePersonOnOneItem()
    {
        var (_, idea, _) = await ContentAsync();
        var reporter = (await _h.Users.CreateAsync("melder")).Id;
        Assert.Equal(ReportOutcome.Reported, (await _h.Moderation.ReportAsync(reporter, ContentKind.Idea, idea)).Outcome);

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => _h.WithDbAsync(async db =>
        {
            db.Reports.Add(new Report { ItemKind = ContentKind.Idea, ItemId = idea, ReporterId = reporter, Reason = ModerationReason.Other, CreatedAt = _h.Now });
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(2067, Assert.IsType<SqliteException>(e.InnerException).SqliteExtendedErrorCode);
    }

    [Fact]
    public async Task RestoringDismissesTheReportsSoTheNextReportDoesNotHideItAgain()
    {
        var (_, idea, _) = await ContentAsync();
        var reporters = (await _h.Users.CreateManyAsync(4, "melder")).Select(u => u.Id).ToList();
        foreach (var r in reporters.Take(3))
        {
            await _h.Moderation.ReportAsync(r, ContentKind.Idea, idea);
        }
        Assert.Equal(ModerationState.Hidden, (await _h.Ideas.DetailsAsync(idea)).Moderation?.State);

        await _h.Moderation.RestoreAsync(ContentKind.Idea, idea, "Ikke brudd på reglene.");

        Assert.Equal(ReportOutcome.Reported, (await _h.Moderation.ReportAsync(reporters[3], ContentKind.Idea, idea)).Outcome);
        Assert.Null((await _h.Ideas.DetailsAsync(idea)).Moderation);
        Assert.Equal(3, await _h.WithDbAsync(db => db.Reports.CountAsync(r => r.DismissedAt != null)));
    }

    [Fact]
    public async Task TheThresholdIsValidatedAtStart()
    {
        var result = new ModerationOptionsValidator().Validate(null, new ModerationOptions { ReportThreshold = 0 });
        Assert.True(result.Failed);
        Assert.Contains("Bylab:Moderation:ReportThreshold", result.FailureMessage);
        Assert.True(new ModerationOptionsValidator().Validate(null, new ModerationOptions()).Succeeded);
        Assert.Equal(3, new ModerationOptions().ReportThreshold);
    }
}
