using Bylab.Core.Auditing;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Moderation;

/// <summary>
/// The transparency page's figures: per Oslo month, by measure, kind and reason, equal to a direct count of the reports and
/// the audit log's moderation entries; months without moderation are listed empty; nothing but numbers comes out.
/// </summary>
public sealed class TransparencyTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    // 23 November 2026; the second month of activity is December.
    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task MonthlyFiguresEqualADirectCountOfReportsAndTheAuditLog()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("forfatter")).Id;
        var reporters = (await _h.Users.CreateManyAsync(4, "melder")).Select(u => u.Id).ToList();
        var ideas = await _h.Ideas.IdeasAsync(author, consultation, 4);
        var comment = (await _h.WithAsync((CommentService c) => c.AddAsync(author, ideas[0].Id, null, "En kommentar"))).CommentId!.Value;
        var ev = await _h.Events.AddAsync("Et arrangement");

        // November: three reports hide idea 0 automatically (spam ×2, offensive), one on the comment, a moderator hides idea 1.
        await _h.Moderation.ReportAsync(reporters[0], ContentKind.Idea, ideas[0].Id, ModerationReason.Spam);
        await _h.Moderation.ReportAsync(reporters[1], ContentKind.Idea, ideas[0].Id, ModerationReason.Spam);
        await _h.Moderation.ReportAsync(reporters[2], ContentKind.Idea, ideas[0].Id, ModerationReason.OffensiveOrHateful);
        await _h.Moderation.ReportAsync(reporters[3], ContentKind.Comment, comment, ModerationReason.OffTopic);
        await _h.Moderation.HideAsync(ContentKind.Idea, ideas[1].Id, ModerationReason.PersonalInformation);

        // December (Oslo): the word list holds a comment, the event is reported and hidden, idea 1 restored, a review answered.
        _h.Clock.Advance(TimeSpan.FromDays(8));
        var moderator = await _h.Moderation.ModeratorAsync();
        await _h.WithAsync((WordList w) => w.AddAsync(moderator, "tøys", false));
        Assert.True((await _h.WithAsync((CommentService c) => c.AddAsync(reporters[0], ideas[2].Id, null, "Bare tøys"))).Held);
        await _h.Moderation.ReportAsync(reporters[0], ContentKind.Event, ev.Id, ModerationReason.Spam);
        await _h.Moderation.HideAsync(ContentKind.Event, ev.Id, ModerationReason.Spam, "Reklame.");
        await _h.Moderation.RestoreAsync(ContentKind.Idea, ideas[1].Id, "Feil av oss.");
        await _h.WithDbAsync(async db =>
        {
            // What the review answers will write (built on the moderators' side): the code and the reason first.
            db.AuditEntries.Add(new AuditEntry { At = _h.Now, ActorId = moderator.UserId, Action = ModerationAuditActions.ReviewAnswered,
                TargetType = "idea", TargetId = ideas[0].Id.ToString(), Details = "Spam; upheld" });
            await db.SaveChangesAsync();
        });

        var months = await _h.WithAsync((TransparencyQueries q) => q.MonthsAsync());
        Assert.Equal(TransparencyQueries.Months, months.Count);
        Assert.Equal((2026, 12), (months[0].Year, months[0].Month));
        Assert.Equal((2026, 11), (months[1].Year, months[1].Month));
        Assert.All(months.Skip(2), m => Assert.Empty(m.Figures));

        // The direct count, month by month: reports by kind and reason; audit entries by action, target type and reason.
        var reports = await _h.WithDbAsync(db => db.Reports.Select(r => new { r.CreatedAt, r.ItemKind, r.Reason }).ToListAsync());
        var audit = await _h.WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("moderation.")).ToListAsync());
        foreach (var month in months.Take(2))
        {
            bool In(DateTime at) => Bylab.Core.Time.OsloTime.ToOslo(at) is var o && o.Year == month.Year && o.Month == month.Month;
            foreach (var kind in Enum.GetValues<ContentKind>())
            {
                Assert.Equal(reports.Count(r => In(r.CreatedAt) && r.ItemKind == kind), month.Count(TransparencyMeasure.Reported, kind));
                foreach (var (measure, action) in new[]
                         {
                             (TransparencyMeasure.HiddenAutomatically, ModerationAuditActions.HiddenAutomatically),
                             (TransparencyMeasure.HiddenByModerator, ModerationAuditActions.Hidden),
                             (TransparencyMeasure.HeldByWordList, ModerationAuditActions.HeldByWordList),
                             (TransparencyMeasure.Restored, ModerationAuditActions.Restored),
                             (TransparencyMeasure.Reviewed, ModerationAuditActions.ReviewAnswered),
                         })
                {
                    Assert.Equal(audit.Count(a => In(a.At) && a.Action == action && a.TargetType == kind.ToString().ToLowerInvariant()),
                        month.Count(measure, kind));
                }
            }
            foreach (var reason in Enum.GetValues<ModerationReason>())
            {
                Assert.Equal(reports.Count(r => In(r.CreatedAt) && r.Reason == reason), month.Count(TransparencyMeasure.Reported, reason));
            }
        }

        // And the figures themselves, as the story above wrote them.
        var (december, november) = (months[0], months[1]);
        Assert.Equal(4, november.Total(TransparencyMeasure.Reported));
        Assert.Equal(2, november.Count(TransparencyMeasure.Reported, ModerationReason.Spam));
        Assert.Equal(1, november.Count(TransparencyMeasure.HiddenAutomatically, ContentKind.Idea));
        Assert.Equal(1, november.Count(TransparencyMeasure.HiddenAutomatically, ModerationReason.Spam));
        Assert.Equal(1, november.Count(TransparencyMeasure.HiddenByModerator, ModerationReason.PersonalInformation));
        Assert.Equal(0, november.Total(TransparencyMeasure.HeldByWordList));
        Assert.Equal(1, december.Count(TransparencyMeasure.HeldByWordList, ContentKind.Comment));
        Assert.Equal(1, december.Count(TransparencyMeasure.HiddenByModerator, ContentKind.Event));
        Assert.Equal(1, december.Count(TransparencyMeasure.Restored, ContentKind.Idea));
        Assert.Equal(1, december.Count(TransparencyMeasure.Reviewed, ModerationReason.Spam));
    }
}
