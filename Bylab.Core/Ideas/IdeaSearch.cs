using System.Text;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Ideas;

/// <summary>
/// Turns what people type into FTS5 MATCH expressions that cannot be a syntax error: only runs of
/// letters and digits survive, each one quoted, so `"`, `AND(`, `*` or `NEAR` are plain words or nothing.
/// </summary>
public static class IdeaSearch
{
    private const int MaxTerms = 10;
    private const int MaxSimilarTerms = 24;

    // Words too common to say anything about whether two ideas are alike (bokmål and nynorsk).
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "og", "i", "på", "pa", "til", "for", "med", "av", "som", "er", "det", "den", "de", "en", "ei", "et", "at", "å",
        "om", "kan", "skal", "vil", "må", "har", "ikke", "ikkje", "eller", "men", "fra", "frå", "der", "her", "så",
        "vi", "me", "oss", "du", "jeg", "eg", "seg", "sin", "sitt", "sine", "mer", "meir", "mye", "mykje", "alle",
        "være", "vere", "bli", "blir", "vert", "hvor", "kor", "hva", "kva", "når", "the", "and", "of", "to",
    };

    /// <summary>All terms must occur; the last may be the start of a word, as people type ("bære" finds «bærekraft»).</summary>
    public static string? ToMatchAllQuery(string? input)
    {
        var terms = Terms(input).Take(MaxTerms).ToList();
        if (terms.Count == 0)
        {
            return null;
        }
        // Every term as a prefix: short inputs like "syk" should find «sykkel» and «sykling».
        return string.Join(" ", terms.Select(t => $"\"{t}\"*"));
    }

    /// <summary>Any of the telling words may occur; bm25 puts ideas sharing more (and rarer) words first.</summary>
    public static string? ToMatchAnyQuery(string? input)
    {
        var terms = Terms(input)
            .Where(t => t.Length >= 3 && !StopWords.Contains(t))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSimilarTerms)
            .ToList();
        if (terms.Count == 0)
        {
            return null;
        }
        return string.Join(" OR ", terms.Select(t => $"\"{t}\"*"));
    }

    internal static IEnumerable<string> Terms(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            yield break;
        }
        var sb = new StringBuilder();
        foreach (var c in input.Length > 2000 ? input[..2000] : input)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
        }
        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    /// <summary>Ids of ideas whose title or body match, as a subquery EF can compose into a larger query.</summary>
    internal static IQueryable<int> MatchingIds(BylabDbContext db, string matchQuery) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM IdeasFts WHERE IdeasFts MATCH {matchQuery}");

    /// <summary>Ids of matching ideas, best first (bm25 weighs the title three times the body).</summary>
    internal static Task<List<int>> RankedIdsAsync(BylabDbContext db, string matchQuery, int take, CancellationToken ct) =>
        db.Database.SqlQuery<int>(
                $"SELECT rowid AS Value FROM IdeasFts WHERE IdeasFts MATCH {matchQuery} ORDER BY bm25(IdeasFts, 3.0, 1.0) LIMIT {take}")
            .ToListAsync(ct);
}
