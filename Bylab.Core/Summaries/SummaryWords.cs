using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Summaries;

/// <summary>
/// The words and phrases (two words, <see cref="NorwegianWords.Bigrams"/>) people used most in a consultation's counted
/// ideas (title and text), keyed by <see cref="NorwegianWords"/> so bokmål and nynorsk forms count once. A term counts
/// once per idea: one long idea repeating a word does not outweigh many people using it. Each term carries the ideas
/// that use it; the most voted of them are picked per request (<see cref="WithExamples"/>), since votes change far more
/// often than text. The counts depend only on the listed ideas' text, so <see cref="SummaryCache"/> keeps them by the
/// consultation's <c>TextVersion</c>; each idea's terms are kept too, so after an edit or a new idea only that idea is
/// read into words again.
/// </summary>
public sealed class SummaryWords(BylabDbContext db)
{
    public const int WordCount = 20;
    public const int PhraseCount = 10;
    public const int ExamplesPerWord = 5;

    /// <summary>One term of one idea: its key and how often each written form occurs in the idea.</summary>
    public sealed record Term(string Key, KeyValuePair<string, int>[] Forms);

    /// <summary>The distinct words and phrases of one idea, with the text they were read from.</summary>
    public sealed record IdeaTerms(string Title, string Body, Term[] Words, Term[] Phrases);

    /// <param name="Shown">The form people wrote most often.</param>
    /// <param name="IdeaIds">Every counted idea that uses the term.</param>
    public sealed record TermCount(string Key, string Shown, int Ideas, int[] IdeaIds);

    public sealed record Part(IReadOnlyList<TermCount> Words, IReadOnlyList<TermCount> Phrases, IReadOnlyDictionary<int, IdeaTerms> ByIdea);

    /// <summary>The top terms of the consultation's listed ideas now; <paramref name="previous"/>'s per-idea terms are reused where the text is unchanged.</summary>
    public async Task<Part> ComputeAsync(int consultationId, Part? previous, CancellationToken ct = default)
    {
        var ideas = await db.Ideas.AsNoTracking().Listed().Where(i => i.ConsultationId == consultationId)
            .Select(i => new { i.Id, i.Title, i.BodyMarkdown })
            .ToListAsync(ct);
        var byIdea = new Dictionary<int, IdeaTerms>(ideas.Count);
        foreach (var idea in ideas)
        {
            byIdea[idea.Id] = previous?.ByIdea.GetValueOrDefault(idea.Id) is { } known
                              && string.Equals(known.Title, idea.Title, StringComparison.Ordinal)
                              && string.Equals(known.Body, idea.BodyMarkdown, StringComparison.Ordinal)
                ? known
                : Analyse(idea.Title, idea.BodyMarkdown);
        }
        return new Part(Top(byIdea, t => t.Words, WordCount), Top(byIdea, t => t.Phrases, PhraseCount), byIdea);
    }

    public static IdeaTerms Analyse(string title, string body)
    {
        static Term[] Collect(IEnumerable<(string Key, string Form)> pairs) =>
            pairs.GroupBy(p => p.Key, StringComparer.Ordinal)
                .Select(g => new Term(g.Key, g.GroupBy(p => p.Form, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, f.Count())).ToArray()))
                .ToArray();
        return new IdeaTerms(title, body,
            Collect(NorwegianWords.Words(title).Concat(NorwegianWords.Words(body))),
            Collect(NorwegianWords.Bigrams(title).Concat(NorwegianWords.Bigrams(body))));
    }

    private static List<TermCount> Top(Dictionary<int, IdeaTerms> byIdea, Func<IdeaTerms, Term[]> termsOf, int count)
    {
        var uses = new Dictionary<string, (List<int> Ideas, Dictionary<string, int> Forms)>(StringComparer.Ordinal);
        foreach (var (id, terms) in byIdea)
        {
            foreach (var term in termsOf(terms))
            {
                if (!uses.TryGetValue(term.Key, out var use))
                {
                    uses[term.Key] = use = ([], new Dictionary<string, int>(StringComparer.Ordinal));
                }
                use.Ideas.Add(id);
                foreach (var (form, n) in term.Forms)
                {
                    use.Forms[form] = use.Forms.GetValueOrDefault(form) + n;
                }
            }
        }
        return uses
            .OrderByDescending(u => u.Value.Ideas.Count).ThenBy(u => u.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(u => new TermCount(u.Key,
                u.Value.Forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key,
                u.Value.Ideas.Count, [.. u.Value.Ideas]))
            .ToList();
    }

    /// <summary>Each term with the most voted (then oldest) of its ideas that are still counted in <paramref name="ideas"/>.</summary>
    public static List<WordUse> WithExamples(IReadOnlyList<TermCount> terms, IReadOnlyDictionary<int, (string Title, int Votes)> ideas) =>
        terms.Select(t => new WordUse(t.Shown, t.Ideas,
                t.IdeaIds.Where(ideas.ContainsKey)
                    .OrderByDescending(id => ideas[id].Votes).ThenBy(id => id)
                    .Take(ExamplesPerWord)
                    .Select(id => new IdeaRef(id, Slugs.WithId(ideas[id].Title, id), ideas[id].Title))
                    .ToList()))
            .ToList();
}
