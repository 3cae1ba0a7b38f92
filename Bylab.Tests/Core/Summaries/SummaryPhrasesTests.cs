using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Core.Summaries;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Summaries;

/// <summary>
/// The phrases of a summary (issue 14, «the words and phrases people used most»): two words next to each other in one
/// sentence, neither a stop word, counted once per idea, bokmål and nynorsk forms together, shown in the form written
/// most often, each with the ideas that use it – and never from hidden or withdrawn ideas.
/// </summary>
public sealed class SummaryPhrasesTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("Trygge sykkelveier til skolen", "trygg sykkelvei")] // «til» is a stop word: no «sykkelveier skolen»
    [InlineData("Trygge sykkelveier. Skolen trenger dem", "trygg sykkelvei|skol treng")] // «sykkelveier skolen» spans a sentence end
    [InlineData("Tryggare sykkelvegar langs Mjøsa", "trygg sykkelvei|sykkelvei lang|lang mjøs")]
    [InlineData("Vi vil ha benker", "")]
    public void PhrasesArePairsOfWordsWithinOneSentence(string text, string keys) =>
        Assert.Equal(keys, string.Join("|", NorwegianWords.Bigrams(text).Select(b => b.Key)));

    [Fact]
    public async Task PhrasesCountIdeasExactlyAndLeaveHiddenAndWithdrawnIdeasOut()
    {
        var consultation = (await _h.Ideas.ConsultationAsync("Sykkelbyen")).Id;
        var p = (await _h.Users.CreateManyAsync(5, "deltaker")).Select(u => u.Id).ToList();
        var first = (await _h.Ideas.IdeaAsync(p[0], consultation, "Trygge sykkelveier til skolen",
            "Barna trenger trygge sykkelveier. Sykkelveier trenger lys om vinteren.")).Id;
        var second = (await _h.Ideas.IdeaAsync(p[1], consultation, "Tryggare sykkelvegar", "Grøne parkar og trygge sykkelvegar langs Mjøsa.")).Id;
        var third = (await _h.Ideas.IdeaAsync(p[2], consultation, "Lys om vinteren", "Mørke kvelder. Trygge sykkelveier trengs.")).Id;
        var hidden = (await _h.Ideas.IdeaAsync(p[3], consultation, "Hemmelig plan", "Trygge sykkelveier og en hemmelig plan.")).Id;
        var withdrawn = (await _h.Ideas.IdeaAsync(p[4], consultation, "Trukket plan", "Trygge sykkelveier, hemmelig plan.")).Id;
        await _h.Ideas.VoteAsync(p[4], third);
        await _h.Moderation.HideAsync(ContentKind.Idea, hidden);
        Assert.Equal(WithdrawIdeaOutcome.Withdrawn, (await _h.WithAsync((IdeaService s) => s.WithdrawAsync(p[4], withdrawn))).Outcome);

        var phrases = (await _h.WithAsync(async (ConsultationSummaryService s) => (await s.GetAsync(consultation))!)).Phrases;

        // «trygge sykkelveier» (first: title and text), «tryggare/trygge sykkelvegar» (second), «trygge sykkelveier» (third).
        var safe = phrases[0];
        Assert.Equal(("trygge sykkelveier", 3), (safe.Word, safe.Ideas));
        Assert.Equal([third, first, second], safe.Examples.Select(e => e.Id)); // most voted first, then the oldest
        // Every phrase of the three counted ideas, by ideas then key: nothing from the hidden and the withdrawn idea
        // («hemmelig plan» would count 2), none across a sentence end («sykkelveier sykkelveier», «kvelder trygge»), none
        // with a stop word («til skolen», «lys om»).
        Assert.Equal([("trygge sykkelveier", 3), ("sykkelveier trenger", 2), ("barna trenger", 1), ("grøne parkar", 1), ("langs mjøsa", 1),
                ("mørke kvelder", 1), ("sykkelvegar langs", 1), ("trenger lys", 1), ("trenger trygge", 1)],
            phrases.Select(x => (x.Word, x.Ideas)));
        Assert.DoesNotContain(phrases, x => x.Word.Contains("plan"));          // only in the hidden and the withdrawn idea
        Assert.DoesNotContain(phrases, x => x.Word == "sykkelveier sykkelveier"); // across «. »
        Assert.DoesNotContain(phrases, x => x.Word == "kvelder trygge");         // across «. »
        Assert.DoesNotContain(phrases, x => x.Word.Split(' ').Any(NorwegianWords.StopWords.Contains));
        Assert.All(phrases, x => Assert.DoesNotContain(x.Examples, e => e.Id == hidden || e.Id == withdrawn));
    }
}
