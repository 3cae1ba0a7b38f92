using Bylab.Core.Moderation;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Ideas;

/// <param name="Moderation">Hidden or held: the author still sees their own idea here, marked (its page says why).</param>
public sealed record MyIdea(int Id, string Title, string ConsultationTitle, IdeaStatus Status, int VoteCount, int CommentCount, bool Withdrawn, DateTime CreatedAt,
    ModerationState Moderation = ModerationState.Visible)
{
    public string Slug => Slugs.WithId(Moderation == ModerationState.Visible ? Title : null, Id);
}

/// <param name="Title">Empty when the idea is hidden or held (<see cref="Moderation"/>): someone else's text the person may not read now.</param>
public sealed record VotedIdea(int Id, string Title, ModerationState Moderation = ModerationState.Visible)
{
    public string Slug => Slugs.WithId(Title.Length == 0 ? null : Title, Id);
}

/// <summary>The person's votes in one consultation, and how many they have left there.</summary>
/// <param name="Limit">Most votes a person may give here; null = unlimited.</param>
public sealed record MyConsultationVotes(int ConsultationId, string ConsultationSlug, string ConsultationTitle, ConsultationPhase Phase,
    int? Limit, IReadOnlyList<VotedIdea> Ideas)
{
    /// <summary>Null when there is no limit. Counts as <see cref="VoteService"/> does: votes on withdrawn ideas are given back.</summary>
    public int? Left => Limit is { } limit ? Math.Max(0, limit - Ideas.Count) : null;

    public bool TakesVotes => Phase is ConsultationPhase.OpenForIdeas or ConsultationPhase.VotingOnly;
}

/// <param name="Title">Empty when the idea is hidden or held and not the person's own.</param>
public sealed record FollowedIdea(int Id, string Title, IdeaStatus Status, DateTime? AnsweredAt, ModerationState Moderation = ModerationState.Visible)
{
    public string Slug => Slugs.WithId(Title.Length == 0 ? null : Title, Id);
}

public sealed record MyIdeasOverview(IReadOnlyList<MyIdea> Ideas, IReadOnlyList<MyConsultationVotes> Votes, IReadOnlyList<FollowedIdea> Follows);

/// <summary>What one person has done with ideas, for Min side: their ideas, their votes per consultation, the ideas they follow.</summary>
public sealed class MyIdeasQueries(BylabDbContext db, TimeProvider time, IOptions<IdeaOptions> options)
{
    public async Task<MyIdeasOverview> ForAsync(string userId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => i.AuthorId == userId && i.MergedIntoId == null)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new MyIdea(i.Id, i.Title, i.Consultation!.Title, i.Status, i.VoteCount, i.CommentCount, i.WithdrawnAt != null, i.CreatedAt,
                i.ModerationState))
            .ToListAsync(ct);

        // Votes on withdrawn ideas are left out, as VoteService leaves them out of the limit.
        var votes = await (from v in db.Votes.AsNoTracking()
                           where v.UserId == userId
                           join i in db.Ideas on v.IdeaId equals i.Id
                           where i.WithdrawnAt == null
                           orderby i.Title
                           select new { i.Id, i.Title, i.Consultation, i.ModerationState, i.AuthorId })
            .ToListAsync(ct);
        var perConsultation = votes.GroupBy(v => v.Consultation!.Id)
            .Select(g =>
            {
                var c = g.First().Consultation!;
                return new MyConsultationVotes(c.Id, c.Slug, c.Title, c.PhaseAt(now), c.MaxVotesPerPerson ?? options.Value.MaxVotesPerConsultation,
                    g.Select(v => new VotedIdea(v.Id, Readable(v.ModerationState, v.AuthorId, userId) ? v.Title : "", v.ModerationState)).ToList());
            })
            .OrderByDescending(v => v.TakesVotes).ThenBy(v => v.ConsultationTitle, StringComparer.CurrentCulture)
            .ToList();

        var follows = await (from f in db.IdeaFollowers.AsNoTracking()
                             where f.UserId == userId
                             join i in db.Ideas on f.IdeaId equals i.Id
                             orderby f.CreatedAt descending
                             select new { i.Id, i.Title, i.Status, i.AnsweredAt, i.ModerationState, i.AuthorId })
            .ToListAsync(ct);
        var followed = follows.Select(i => new FollowedIdea(i.Id, Readable(i.ModerationState, i.AuthorId, userId) ? i.Title : "", i.Status, i.AnsweredAt,
            i.ModerationState)).ToList();
        return new MyIdeasOverview(ideas, perConsultation, followed);
    }

    /// <summary>The visibility rule for a title on Min side: someone else's hidden or held idea is listed without it.</summary>
    private static bool Readable(ModerationState state, string? authorId, string userId) =>
        state == ModerationState.Visible || (state == ModerationState.Held && authorId == userId);
}
