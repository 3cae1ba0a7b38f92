using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Core.Summaries;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Summaries;

/// <summary>
/// One consultation seeded through the real services – ideas with themes, principles and goals, comments, votes,
/// answers, linked events – then withdrawn, merged, hidden, held, deleted and an account gone: every figure of the
/// summary must equal what a direct query of the tables gives, written here without the services' helpers.
/// </summary>
public sealed class ConsultationSummaryTests(SeededConsultation seeded) : IClassFixture<SeededConsultation>
{
    private readonly CoreHarness _h = seeded.Harness;
    private int _consultation => seeded.ConsultationId;
    private Dictionary<string, int> _ideas => seeded.Ideas;
    private List<BylabUser> _people => seeded.People;


    private Task<ConsultationSummaryReport> SummaryAsync() =>
        _h.WithAsync(async (ConsultationSummaryService s) => (await s.GetAsync(_consultation))!);

    /// <summary>The counted ideas, by a query of the table itself: visible, not withdrawn, not merged.</summary>
    private Task<List<Idea>> CountedIdeasAsync() => _h.WithDbAsync(db => db.Ideas.AsNoTracking()
        .Where(i => i.ConsultationId == _consultation && i.ModerationState == ModerationState.Visible && i.WithdrawnAt == null && i.MergedIntoId == null)
        .ToListAsync());

    [Fact]
    public async Task ParticipationFiguresEqualDirectCountsOfTheRows()
    {
        var summary = await SummaryAsync();
        var ideas = (await CountedIdeasAsync()).Select(i => i.Id).ToList();
        var (votes, comments, people) = await _h.WithDbAsync(async db =>
        {
            var v = await db.Votes.Where(x => ideas.Contains(x.IdeaId)).ToListAsync();
            var c = await db.Comments.Where(x => ideas.Contains(x.IdeaId) && x.DeletedAt == null && x.ModerationState == ModerationState.Visible).ToListAsync();
            var authors = await db.Ideas.Where(i => ideas.Contains(i.Id)).Select(i => i.AuthorId).ToListAsync();
            var all = authors.Concat(c.Select(x => x.AuthorId)).Concat(v.Select(x => x.UserId)).Where(x => x != null).Distinct().Count();
            return (v.Count, c.Count, all);
        });

        Assert.Equal(3, ideas.Count); // benker (with the duplicate's votes), sykkel, lys
        Assert.Equal(ideas.Count, summary.Participation.Ideas);
        Assert.Equal(votes, summary.Participation.Votes);
        Assert.Equal(11, votes); // benker 4 + the duplicate's 5 and 6 (1 voted for both) + sykkel 4 + lys 1
        Assert.Equal(comments, summary.Participation.Comments);
        Assert.Equal(4, comments); // two on benker, the reply under the hidden comment, the deleted account's on lys
        Assert.Equal(people, summary.Participation.Participants);
        Assert.Equal(7, people); // all but person 6, whose account is gone
        // Registered: 3 + 1 confirmed now, 12 kept; attended 3 + 9. The cancelled and the unlinked event count nothing.
        Assert.Equal(4 + 12, summary.Participation.Registered);
        Assert.Equal(3 + 9, summary.Participation.Attended);
        Assert.Equal(["Verksted om benker", "Åpent møte om Stortorget"], summary.Events.Select(e => e.Title));
    }

    [Fact]
    public async Task BreakdownsByThemePrincipleAndGoalEqualDirectGroupings()
    {
        var summary = await SummaryAsync();
        var ideas = await CountedIdeasAsync();
        var ids = ideas.Select(i => i.Id).ToList();
        var themes = await _h.WithDbAsync(db => db.Themes.ToDictionaryAsync(t => t.Id, t => t.Title));
        var principles = await _h.WithDbAsync(db => db.IdeaPrinciples.Where(p => ids.Contains(p.IdeaId)).ToListAsync());
        var goals = await _h.WithDbAsync(db => db.IdeaGoals.Where(g => ids.Contains(g.IdeaId)).ToListAsync());
        var votes = await _h.WithDbAsync(db => db.Votes.Where(v => ids.Contains(v.IdeaId)).GroupBy(v => v.IdeaId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N));
        int VotesOf(IEnumerable<int> idsOf) => idsOf.Sum(i => votes.GetValueOrDefault(i));

        var expectedThemes = ideas.GroupBy(i => themes[i.ThemeId]).ToDictionary(g => g.Key, g => (g.Count(), VotesOf(g.Select(i => i.Id))));
        Assert.Equal(expectedThemes, summary.ByTheme.ToDictionary(r => r.Key, r => (r.Ideas, r.Votes)));
        var expectedPrinciples = principles.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => (g.Count(), VotesOf(g.Select(p => p.IdeaId))));
        Assert.Equal(expectedPrinciples, summary.ByPrinciple.ToDictionary(r => r.Key, r => (r.Ideas, r.Votes)));
        Assert.DoesNotContain(summary.ByPrinciple, r => r.Key == "apne-data"); // only on hidden and held ideas
        var expectedGoals = goals.GroupBy(g => g.Number.ToString()).ToDictionary(g => g.Key, g => (g.Count(), VotesOf(g.Select(x => x.IdeaId))));
        Assert.Equal(expectedGoals, summary.ByGoal.ToDictionary(r => r.Key, r => (r.Ideas, r.Votes)));
        Assert.Equal(2, summary.ByGoal.Single(g => g.Key == "11").Ideas);
    }

    [Fact]
    public async Task AnswersTopIdeasAndMedianComeFromCountedIdeasOnly()
    {
        var summary = await SummaryAsync();
        var ideas = await CountedIdeasAsync();

        Assert.Equal(ideas.Count(i => i.AnsweredAt != null), summary.Answers.Answered);
        Assert.Equal(3, summary.Answers.Answered); // the hidden idea's answer is not counted
        Assert.Equal((1, 1, 1, 0, 0), (summary.Answers.Accepted, summary.Answers.UnderConsideration, summary.Answers.Implemented,
            summary.Answers.Rejected, summary.Answers.New));
        Assert.Equal(TimeSpan.FromDays(2), summary.Answers.MedianTimeToAnswer); // 1, 2 and 10 days

        var counted = ideas.Select(i => i.Id).ToHashSet();
        Assert.All(summary.TopByVotes.Concat(summary.TopByComments), t => Assert.Contains(t.Id, counted));
        Assert.Equal(_ideas["benker"], summary.TopByVotes[0].Id);
        var direct = await _h.WithDbAsync(db => db.Votes.CountAsync(v => v.IdeaId == _ideas["benker"]));
        Assert.Equal(direct, summary.TopByVotes[0].Votes);
        Assert.Equal(IdeaStatus.Accepted, summary.TopByVotes[0].Status);
        Assert.Equal("Takk, vi ser på det.", summary.TopByVotes[0].AnswerMarkdown);
    }

    [Fact]
    public async Task WordsCountBokmalAndNynorskFormsTogetherAndNeverQuoteHiddenHeldOrWithdrawnText()
    {
        var summary = await SummaryAsync();

        // «sykkelveier», «sykkelvegar», «sykkelveien»: benker, sykkel and lys – not the withdrawn, hidden or held ideas.
        var cycle = summary.Words.Single(w => w.Word.StartsWith("sykkelve"));
        Assert.Equal(3, cycle.Ideas);
        Assert.Equal(new[] { _ideas["benker"], _ideas["sykkel"], _ideas["lys"] }.Order(), cycle.Examples.Select(e => e.Id).Order());
        var trygg = summary.Words.Single(w => w.Word.StartsWith("trygg"));
        Assert.Equal(2, trygg.Ideas); // «trygge» (bokmål), «tryggare»/«trygge» (nynorsk)
        var all = string.Join(" ", summary.Words.Select(w => w.Word).Concat(summary.Words.SelectMany(w => w.Examples.Select(e => e.Title)))
            .Concat(summary.TopByVotes.Concat(summary.TopByComments).Select(t => t.Title)));
        Assert.DoesNotContain("hemmeligord", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tilbakeord", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("trukket", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(summary.Words, w => NorwegianWords.StopWords.Contains(w.Word));
    }

    [Fact]
    public async Task GrowthEndsAtTheTotalsAndNeverShrinks()
    {
        var summary = await SummaryAsync();
        var last = summary.Growth[^1];
        Assert.Equal((summary.Participation.Ideas, summary.Participation.Comments, summary.Participation.Votes), (last.Ideas, last.Comments, last.Votes));
        Assert.All(summary.Growth.Zip(summary.Growth.Skip(1)), p => Assert.True(p.First.Votes <= p.Second.Votes && p.First.Ideas <= p.Second.Ideas));
    }

    [Fact]
    public async Task RestoringAHiddenIdeaBringsItsFiguresBackAndHidingTakesThemAway()
    {
        var before = await SummaryAsync();
        _h.Clock.Advance(TimeSpan.FromMinutes(1)); // a decision's notice is unique per item and time
        await _h.Moderation.RestoreAsync(ContentKind.Idea, _ideas["skjult"]);
        var restored = await SummaryAsync();
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await _h.Moderation.HideAsync(ContentKind.Idea, _ideas["skjult"]);
        Assert.Equal(before.Participation.Ideas + 1, restored.Participation.Ideas);
        Assert.Equal(before.Participation.Votes + 3, restored.Participation.Votes);
        Assert.Equal(before.Participation.Comments + 1, restored.Participation.Comments);
        Assert.Equal(before.Answers.Rejected + 1, restored.Answers.Rejected);
        Assert.Equal(before.Participation.Ideas, (await SummaryAsync()).Participation.Ideas);
    }

    [Fact]
    public async Task NoPersonalDataInTheSummary()
    {
        var summary = await SummaryAsync();
        var text = System.Text.Json.JsonSerializer.Serialize(summary);
        foreach (var person in _people)
        {
            Assert.DoesNotContain(person.Id, text);
            Assert.DoesNotContain(person.DisplayName, text);
            Assert.DoesNotContain(person.Email!, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task OnlyParticipantsWhoConsentedAreCountedByGroupAndSmallGroupsAreMerged()
    {
        var ids = _people.Select(p => p.Id).ToList();
        await _h.WithDbAsync(async db =>
        {
            var users = await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync();
            foreach (var (user, n) in users.Select(u => (u, ids.IndexOf(u.Id))))
            {
                // 0–4: 20–34 in Vang, with consent; 5: an age but no consent (not counted); 7: 67+, with consent, no part.
                user.AgeGroup = n <= 5 ? AgeGroup.From20To34 : n == 7 ? AgeGroup.From67 : null;
                user.MunicipalityPart = n <= 4 ? MunicipalityPart.Vang : null;
                user.DemographicsConsentedAt = n <= 4 || n == 7 ? _h.Now : null;
            }
            await db.SaveChangesAsync();
        });
        // Someone who consented but took no part in this consultation.
        var outsider = await _h.Users.CreateAsync("Utenforstående");
        await _h.WithDbAsync(db => db.Users.Where(u => u.Id == outsider.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.AgeGroup, AgeGroup.From67).SetProperty(u => u.DemographicsConsentedAt, _h.Now)));

        var figures = (await SummaryAsync()).Demographics;

        Assert.Equal(6, figures.Told);
        // 20–34: 5, 67+: 1 – one person alone must not show, and «annet» with 1 would show them: both merge.
        Assert.Equal([new GroupCount(Demographics.Other, 6)], figures.ByAge);
        Assert.Equal([new GroupCount(nameof(MunicipalityPart.Vang), 5)], figures.ByPart);
    }

    [Theory]
    [InlineData("12,7,6", "A:12,B:7,C:6")]
    [InlineData("12,7,3", "A:12,Other:10")]
    [InlineData("12,4,3", "A:12,Other:7")]
    [InlineData("3", "Other:3")]
    [InlineData("5,5", "A:5,B:5")]
    public void NoGroupUnderFiveIsShownOnItsOwn(string counts, string expected)
    {
        var groups = counts.Split(',').Select((c, i) => new GroupCount(((char)('A' + i)).ToString(), int.Parse(c)));
        Assert.Equal(expected, string.Join(",", Demographics.Merged(groups).Select(g => $"{g.Key}:{g.People}")));
    }

    [Fact]
    public async Task AnUnknownConsultationHasNoSummary() =>
        Assert.Null(await _h.WithAsync((ConsultationSummaryService s) => s.GetAsync(987_654)));
}

/// <summary>The consultation of <see cref="ConsultationSummaryTests"/>, seeded once for the class (its tests leave it as they found it).</summary>
public sealed class SeededConsultation : IAsyncLifetime
{
    public CoreHarness Harness { get; private set; } = null!;
    public int ConsultationId { get; private set; }
    public Dictionary<string, int> Ideas { get; } = [];
    public List<BylabUser> People { get; } = [];

    public async Task InitializeAsync()
    {
        var _h = Harness = await CoreHarness.CreateAsync();
        var _ideas = Ideas;
        var _people = People;
        var staffUser = await _h.Users.CreateAsync("Ansatt", roles: [Roles.Staff]);
        var Staff = new Actor(staffUser.Id, "Ansatt");
        async Task Answer(string idea, IdeaStatus status) =>
            await _h.WithAsync((IdeaService s) => s.AnswerAsync(Staff, _ideas[idea], status, "Takk, vi ser på det."));
        var _consultation = ConsultationId = (await _h.Ideas.ConsultationAsync("Hvordan skal Stortorget brukes?")).Id;
        var other = (await _h.Ideas.ConsultationAsync("En annen medvirkning")).Id;
        var secondTheme = await _h.Ideas.ThemeAsync("Grønn by");
        _people.AddRange(await _h.Users.CreateManyAsync(8, "deltaker"));
        string P(int n) => _people[n].Id;

        async Task Idea(string key, int author, string title, string body, string[]? principles = null, int[]? goals = null, int? theme = null) =>
            _ideas[key] = (await _h.Ideas.IdeaAsync(P(author), _consultation, title, body, principles, goals, theme)).Id;
        await Idea("benker", 0, "Flere benker på Stortorget", "Trygge sykkelveier og benker for eldre.", ["innbyggerne-i-sentrum"], [11, 3]);
        await Idea("sykkel", 1, "Tryggare sykkelvegar til skulen", "Borna treng trygge sykkelvegar.", ["klima-og-miljo", "innbyggerne-i-sentrum"], [11], secondTheme.Id);
        await Idea("lys", 2, "Bedre lys i parken", "Parken er mørk om kvelden, sykkelveien også.", goals: [16]);
        await Idea("trukket", 3, "Trukket forslag om sykkelveier", "Dette trakk jeg.", ["klima-og-miljo"], [11]);
        await Idea("duplikat", 4, "Benker ved Stortorget", "Samme som benker.", ["innbyggerne-i-sentrum"], [3]);
        await Idea("skjult", 5, "Skjult hemmeligord sykkelveier", "Hemmeligord hemmeligord.", ["apne-data"], [11]);
        await Idea("holdt", 6, "Holdt tilbakeord", "Tilbakeord om sykkelveier.", ["apne-data"], [16], secondTheme.Id);
        var elsewhere = (await _h.Ideas.IdeaAsync(P(7), other, "Idé i en annen medvirkning", "Sykkelveier overalt.")).Id;

        foreach (var (idea, voters) in new[] { ("benker", new[] { 1, 2, 3, 4 }), ("sykkel", [0, 2, 5, 7]), ("lys", [7]),
                     ("trukket", [0]), ("duplikat", [5, 6, 1]), ("skjult", [0, 1, 2]), ("holdt", [3]) })
        {
            foreach (var v in voters)
            {
                await _h.Ideas.VoteAsync(P(v), _ideas[idea]);
            }
        }
        await _h.Ideas.VoteAsync(P(6), elsewhere);

        async Task<int> Comment(int author, string idea, string body, int? parent = null) =>
            (await _h.WithAsync((CommentService s) => s.AddAsync(P(author), _ideas[idea], parent, body))).CommentId!.Value;
        var first = await Comment(6, "benker", "Enig, særlig ved bussen.");
        await Comment(7, "benker", "Og ved biblioteket.", first);
        var rude = await Comment(3, "sykkel", "Et frekt innlegg.");
        await Comment(2, "sykkel", "Svar under det frekke.", rude);
        var deleted = await Comment(4, "sykkel", "Angrer dette.");
        await Comment(1, "skjult", "Kommentar på skjult idé.");
        await Comment(6, "lys", "Kommentar fra en som sletter kontoen.");
        await _h.WithAsync((CommentService s) => s.DeleteAsync(P(4), deleted));
        await _h.Moderation.HideAsync(ContentKind.Comment, rude);

        // Answers a day, two days and ten days after the ideas were written.
        _h.Clock.Advance(TimeSpan.FromDays(1));
        await Answer("benker", IdeaStatus.Accepted);
        _h.Clock.Advance(TimeSpan.FromDays(1));
        await Answer("lys", IdeaStatus.UnderConsideration);
        _h.Clock.Advance(TimeSpan.FromDays(8));
        await Answer("sykkel", IdeaStatus.Implemented);
        await Answer("skjult", IdeaStatus.Rejected);

        Assert.Equal(WithdrawIdeaOutcome.Withdrawn, (await _h.WithAsync((IdeaService s) => s.WithdrawAsync(P(3), _ideas["trukket"]))).Outcome);
        Assert.Equal(MergeOutcome.Merged, await _h.WithAsync((IdeaService s) => s.MergeAsync(Staff, _ideas["duplikat"], _ideas["benker"])));
        await _h.Moderation.HideAsync(ContentKind.Idea, _ideas["skjult"]);
        await _h.Moderation.HoldAsync(ContentKind.Idea, _ideas["holdt"]);
        // Person 6 leaves: their vote and comment stay, anonymous; person 7's reply stays theirs.
        Assert.True(await _h.WithAsync((AccountService s) => s.DeleteAsync(P(6))));

        // Events: one with people now, one whose people were deleted (its counts kept), one cancelled after linking.
        var meeting = await _h.Events.AddAsync("Åpent møte om Stortorget", capacity: 50, maxCompanions: 2);
        await _h.Events.RegistrationAsync(meeting.Id, RegistrationStatus.Confirmed, companions: 2, checkedIn: true);
        await _h.Events.RegistrationAsync(meeting.Id, RegistrationStatus.Confirmed);
        await _h.Events.RegistrationAsync(meeting.Id, RegistrationStatus.Waitlisted);
        await _h.Events.RegistrationAsync(meeting.Id, RegistrationStatus.Cancelled);
        var past = await _h.Events.AddAsync("Verksted om benker", startsAt: _h.Now.AddDays(-60));
        await _h.Events.ChangeAsync(past.Id, e => { e.PersonalDataDeletedAt = _h.Now; e.FinalRegistered = 12; e.FinalAttended = 9; });
        var cancelled = await _h.Events.AddAsync("Avlyst møte");
        var unlinked = await _h.Events.AddAsync("Møte om noe annet");
        await _h.Events.RegistrationAsync(unlinked.Id, RegistrationStatus.Confirmed, checkedIn: true);
        foreach (var ev in new[] { meeting, past, cancelled })
        {
            Assert.True(await _h.WithAsync((ConclusionService s) => s.SetEventLinkAsync(Staff, _consultation, ev.Id, linked: true)));
        }
        await _h.Events.ChangeAsync(cancelled.Id, e => e.Status = EventStatus.Cancelled);
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
