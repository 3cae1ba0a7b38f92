using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Summaries;

/// <summary>One counted idea as the exports give it: what it says and what happened to it, never who wrote or voted.</summary>
public sealed record ExportIdea(int Id, string Title, string Theme, IReadOnlyList<string> Principles, IReadOnlyList<int> Goals,
    int Votes, int Comments, IdeaStatus Status, string? Answer, DateTime CreatedAt, DateTime? AnsweredAt);

/// <summary>The ideas of a consultation for CSV, XLSX and open data: the summary's ideas (<see cref="IdeaListing.Listed"/>), no personal data.</summary>
public sealed class IdeaExport(BylabDbContext db)
{
    public async Task<List<ExportIdea>> IdeasAsync(int consultationId, CancellationToken ct = default)
    {
        var ideas = db.Ideas.AsNoTracking().Listed().Where(i => i.ConsultationId == consultationId);
        var rows = await ideas.OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Title, Theme = i.Theme!.Title, i.VoteCount, i.CommentCount, i.Status, i.AnswerMarkdown, i.CreatedAt, i.AnsweredAt })
            .ToListAsync(ct);
        var principles = (await db.IdeaPrinciples.AsNoTracking().Where(p => ideas.Select(i => i.Id).Contains(p.IdeaId)).ToListAsync(ct))
            .ToLookup(p => p.IdeaId, p => p.Code);
        var goals = (await db.IdeaGoals.AsNoTracking().Where(g => ideas.Select(i => i.Id).Contains(g.IdeaId)).ToListAsync(ct))
            .ToLookup(g => g.IdeaId, g => g.Number);
        return rows.Select(r => new ExportIdea(r.Id, r.Title, r.Theme, principles[r.Id].Order(StringComparer.Ordinal).ToList(),
                goals[r.Id].Order().ToList(), r.VoteCount, r.CommentCount, r.Status, r.AnswerMarkdown, r.CreatedAt, r.AnsweredAt))
            .ToList();
    }
}
