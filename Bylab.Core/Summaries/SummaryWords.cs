using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Summaries;

/// <summary>
/// The words people used most in a consultation's counted ideas (title and text), keyed by <see cref="NorwegianWords"/>
/// so bokmål and nynorsk forms of a word count once. A word counts once per idea: one long idea repeating a word does
/// not outweigh many people using it. Each word carries the most voted ideas that use it, for the link to them.
/// </summary>
public sealed class SummaryWords(BylabDbContext db)
{
    public const int WordCount = 20;
    public const int ExamplesPerWord = 5;

    public async Task<List<WordUse>> TopAsync(int consultationId, CancellationToken ct = default)
    {
        var ideas = await db.Ideas.AsNoTracking().Listed().Where(i => i.ConsultationId == consultationId)
            .OrderByDescending(i => i.VoteCount).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Title, i.BodyMarkdown })
            .ToListAsync(ct);
        var uses = new Dictionary<string, (int Ideas, Dictionary<string, int> Forms, List<IdeaRef> Examples)>(StringComparer.Ordinal);
        foreach (var idea in ideas)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, word) in NorwegianWords.Words(idea.Title).Concat(NorwegianWords.Words(idea.BodyMarkdown)))
            {
                if (!uses.TryGetValue(key, out var use))
                {
                    use = (0, new Dictionary<string, int>(StringComparer.Ordinal), []);
                }
                use.Forms[word] = use.Forms.GetValueOrDefault(word) + 1;
                if (seen.Add(key))
                {
                    use.Ideas++;
                    if (use.Examples.Count < ExamplesPerWord)
                    {
                        use.Examples.Add(new IdeaRef(idea.Id, Slugs.WithId(idea.Title, idea.Id), idea.Title));
                    }
                }
                uses[key] = use;
            }
        }
        return uses
            .OrderByDescending(u => u.Value.Ideas).ThenBy(u => u.Key, StringComparer.Ordinal)
            .Take(WordCount)
            .Select(u => new WordUse(
                u.Value.Forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key,
                u.Value.Ideas, u.Value.Examples))
            .ToList();
    }
}
