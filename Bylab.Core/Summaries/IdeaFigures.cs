using System.Globalization;
using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Summaries;

/// <summary>
/// The figures that come from the listed ideas' own columns, in two parts: what the ideas are (<see cref="Part"/>: title,
/// theme, principles, goals, status, dates – kept by the consultation's <c>IdeasVersion</c>, which votes do not move) and
/// their counters (<see cref="CountersAsync"/>: three integers per idea, read on every computation). A vote then costs
/// one narrow read instead of the joins by theme, principle and goal; the sums are made here, per idea, so every figure
/// is what the grouped queries gave.
/// </summary>
public sealed class IdeaFigures(BylabDbContext db)
{
    public sealed record Row(int Id, string Title, string Theme, IdeaStatus Status, DateTime CreatedAt, DateTime? AnsweredAt,
        string[] Principles, int[] Goals);

    public sealed record Part(IReadOnlyList<Row> Rows, AnswerFigures Answers, Dictionary<DateOnly, int> IdeasPerDay);

    public readonly record struct Counters(int Votes, int Comments);

    public async Task<Part> ReadAsync(int consultationId, CancellationToken ct)
    {
        var ideas = Listed(consultationId);
        var rows = await ideas.Select(i => new { i.Id, i.Title, Theme = i.Theme!.Title, i.Status, i.CreatedAt, i.AnsweredAt }).ToListAsync(ct);
        var principles = (await db.IdeaPrinciples.AsNoTracking().Join(ideas, p => p.IdeaId, i => i.Id, (p, i) => new { p.IdeaId, p.Code }).ToListAsync(ct))
            .ToLookup(p => p.IdeaId, p => p.Code);
        var goals = (await db.IdeaGoals.AsNoTracking().Join(ideas, g => g.IdeaId, i => i.Id, (g, i) => new { g.IdeaId, g.Number }).ToListAsync(ct))
            .ToLookup(g => g.IdeaId, g => g.Number);
        var result = rows.Select(i => new Row(i.Id, i.Title, i.Theme, i.Status, i.CreatedAt, i.AnsweredAt, [.. principles[i.Id]], [.. goals[i.Id]])).ToList();
        return new Part(result, Answers(result), result.GroupBy(i => DateOnly.FromDateTime(i.CreatedAt)).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>The vote and comment counters of the listed ideas (what <see cref="Idea.VoteCount"/> and <see cref="Idea.CommentCount"/> keep).</summary>
    public async Task<Dictionary<int, Counters>> CountersAsync(int consultationId, CancellationToken ct) =>
        await Listed(consultationId).Select(i => new { i.Id, i.VoteCount, i.CommentCount })
            .ToDictionaryAsync(i => i.Id, i => new Counters(i.VoteCount, i.CommentCount), ct);

    private IQueryable<Idea> Listed(int consultationId) => db.Ideas.AsNoTracking().Listed().Where(i => i.ConsultationId == consultationId);

    /// <summary>
    /// Ideas, votes and comments per key (a theme, a principle, a goal: an idea with two counts under both), most ideas
    /// first, then by key. Ideas missing from <paramref name="counters"/> were unlisted since the part was read: the
    /// stamps then differ and the figures are computed again, but nothing here may fail on it.
    /// </summary>
    public static List<BreakdownRow> Breakdown<TKey>(IEnumerable<Row> rows, Func<Row, IEnumerable<TKey>> keys, Dictionary<int, Counters> counters,
        Func<TKey, string> show, IComparer<TKey> order) where TKey : notnull
    {
        // A plain loop: this runs after every vote, over every listed idea.
        var sums = new Dictionary<TKey, (int Ideas, int Votes, int Comments)>();
        foreach (var row in rows)
        {
            var c = counters.GetValueOrDefault(row.Id);
            foreach (var key in keys(row))
            {
                var s = sums.GetValueOrDefault(key);
                sums[key] = (s.Ideas + 1, s.Votes + c.Votes, s.Comments + c.Comments);
            }
        }
        return sums.OrderByDescending(x => x.Value.Ideas).ThenBy(x => x.Key, order)
            .Select(x => new BreakdownRow(show(x.Key), x.Value.Ideas, x.Value.Votes, x.Value.Comments)).ToList();
    }

    public static List<BreakdownRow> ByTheme(Part part, Dictionary<int, Counters> counters) =>
        Breakdown(part.Rows, r => new[] { r.Theme }, counters, k => k, StringComparer.Ordinal);

    public static List<BreakdownRow> ByPrinciple(Part part, Dictionary<int, Counters> counters) =>
        Breakdown(part.Rows, r => r.Principles, counters, k => k, StringComparer.Ordinal);

    public static List<BreakdownRow> ByGoal(Part part, Dictionary<int, Counters> counters) =>
        Breakdown(part.Rows, r => r.Goals, counters, k => k.ToString(CultureInfo.InvariantCulture), Comparer<int>.Default);

    /// <summary>The first <paramref name="count"/> by votes (then comments) or by comments (then votes), then the oldest; with their answers, read for those alone.</summary>
    public async Task<List<TopIdea>> TopAsync(Part part, Dictionary<int, Counters> counters, bool byComments, int count, CancellationToken ct)
    {
        var withCounters = part.Rows.Select(r => (Row: r, C: counters.GetValueOrDefault(r.Id)));
        var top = (byComments
                ? withCounters.OrderByDescending(x => x.C.Comments).ThenByDescending(x => x.C.Votes)
                : withCounters.OrderByDescending(x => x.C.Votes).ThenByDescending(x => x.C.Comments))
            .ThenBy(x => x.Row.Id).Take(count).ToList();
        var ids = top.Select(x => x.Row.Id).ToList();
        var answers = await db.Ideas.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.AnswerMarkdown }).ToDictionaryAsync(i => i.Id, i => i.AnswerMarkdown, ct);
        return top.Select(x => new TopIdea(x.Row.Id, Slugs.WithId(x.Row.Title, x.Row.Id), x.Row.Title, x.C.Votes, x.C.Comments, x.Row.Status,
            answers.GetValueOrDefault(x.Row.Id), x.Row.AnsweredAt)).ToList();
    }

    private static AnswerFigures Answers(List<Row> rows)
    {
        int Of(IdeaStatus s) => rows.Count(i => i.Status == s);
        var answered = rows.Where(i => i.AnsweredAt != null).Select(i => i.AnsweredAt!.Value - i.CreatedAt).ToList();
        return new AnswerFigures(answered.Count, Of(IdeaStatus.New), Of(IdeaStatus.UnderConsideration), Of(IdeaStatus.Accepted),
            Of(IdeaStatus.Rejected), Of(IdeaStatus.Implemented), ConsultationSummaryService.Median(answered));
    }
}
