using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Summaries;

/// <summary>
/// The listed ideas of a consultation, read once as small rows (no text), and the figures that come from their own
/// columns and counters: totals, by theme, top ideas, answers, ideas per day. One read of 10,000 rows costs less than the
/// six grouped queries it replaces, each of which scanned the same rows.
/// </summary>
public sealed class IdeaFigures(BylabDbContext db, IReadOnlyList<IdeaFigures.Row> rows)
{
    public sealed record Row(int Id, string Title, string Theme, int Votes, int Comments, IdeaStatus Status, DateTime CreatedAt, DateTime? AnsweredAt);

    /// <summary>Most votes, then most comments, then the oldest.</summary>
    public static readonly Func<IEnumerable<Row>, IEnumerable<Row>> ByVotes =
        r => r.OrderByDescending(i => i.Votes).ThenByDescending(i => i.Comments).ThenBy(i => i.Id);

    /// <summary>Most comments, then most votes, then the oldest.</summary>
    public static readonly Func<IEnumerable<Row>, IEnumerable<Row>> ByComments =
        r => r.OrderByDescending(i => i.Comments).ThenByDescending(i => i.Votes).ThenBy(i => i.Id);

    public IReadOnlyList<Row> Rows => rows;

    public static async Task<IdeaFigures> ReadAsync(BylabDbContext db, int consultationId, CancellationToken ct) =>
        new(db, await db.Ideas.AsNoTracking().Listed().Where(i => i.ConsultationId == consultationId)
            .Select(i => new Row(i.Id, i.Title, i.Theme!.Title, i.VoteCount, i.CommentCount, i.Status, i.CreatedAt, i.AnsweredAt))
            .ToListAsync(ct));

    public List<BreakdownRow> ByTheme() =>
        rows.GroupBy(i => i.Theme, StringComparer.Ordinal)
            .Select(g => new BreakdownRow(g.Key, g.Count(), g.Sum(i => i.Votes), g.Sum(i => i.Comments)))
            .OrderByDescending(r => r.Ideas).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    /// <summary>The first <paramref name="count"/> in <paramref name="order"/>, with their answers (read for those alone).</summary>
    public async Task<List<TopIdea>> TopAsync(Func<IEnumerable<Row>, IEnumerable<Row>> order, int count, CancellationToken ct)
    {
        var top = order(rows).Take(count).ToList();
        var ids = top.Select(i => i.Id).ToList();
        var answers = await db.Ideas.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.AnswerMarkdown }).ToDictionaryAsync(i => i.Id, i => i.AnswerMarkdown, ct);
        return top.Select(i => new TopIdea(i.Id, Slugs.WithId(i.Title, i.Id), i.Title, i.Votes, i.Comments, i.Status,
            answers.GetValueOrDefault(i.Id), i.AnsweredAt)).ToList();
    }

    public AnswerFigures Answers()
    {
        int Of(IdeaStatus s) => rows.Count(i => i.Status == s);
        var answered = rows.Where(i => i.AnsweredAt != null).Select(i => i.AnsweredAt!.Value - i.CreatedAt).ToList();
        return new AnswerFigures(answered.Count, Of(IdeaStatus.New), Of(IdeaStatus.UnderConsideration), Of(IdeaStatus.Accepted),
            Of(IdeaStatus.Rejected), Of(IdeaStatus.Implemented), ConsultationSummaryService.Median(answered));
    }
}
