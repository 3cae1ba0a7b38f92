using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Summaries;

/// <summary>
/// Every figure of a consultation's summary, computed from the rows as they are now. Everything starts from
/// <see cref="IdeaListing.Listed"/> (ideas) and <see cref="Visibility.PubliclyVisible"/> (comments, events): hidden, held,
/// withdrawn and merged content is neither counted nor quoted. Sums and groups run in SQL; only the word count reads text.
/// No author, voter or commenter is named anywhere in the result.
/// </summary>
public sealed class ConsultationSummaryService(BylabDbContext db, TimeProvider time, SummaryWords words, SummaryCache cache)
{
    public const int TopCount = 5;

    public async Task<ConsultationSummaryReport?> GetBySlugAsync(string slug, CancellationToken ct = default)
    {
        var id = await db.Consultations.AsNoTracking().Where(c => c.Slug == slug).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await GetAsync(id.Value, ct);
    }

    /// <summary>Just the consultation and whether it is published, for deciding access before any figure is computed.</summary>
    public async Task<SummaryHead?> HeadBySlugAsync(string slug, CancellationToken ct = default)
    {
        var id = await db.Consultations.AsNoTracking().Where(c => c.Slug == slug).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await HeadAsync(id.Value, ct);
    }

    public async Task<ConsultationSummaryReport?> GetAsync(int consultationId, CancellationToken ct = default)
    {
        var head = await HeadAsync(consultationId, ct);
        if (head is null)
        {
            return null;
        }
        // The figures come from the cache while nothing they depend on changed; the head (phase) is always read fresh.
        var fingerprint = new SummaryCache.Fingerprint(await SummaryCache.StampAsync(db, ct), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var report = await cache.GetOrComputeAsync(consultationId, fingerprint, c => ComputeAsync(head, c), ct);
        return report with { Head = head };
    }

    private async Task<ConsultationSummaryReport> ComputeAsync(SummaryHead head, CancellationToken ct)
    {
        var consultationId = head.Id;
        var conclusion = await db.Set<ConsultationConclusion>().AsNoTracking()
            .Where(c => c.ConsultationId == consultationId).FirstOrDefaultAsync(ct);
        var events = await EventsAsync(consultationId, ct);
        var ideas = Ideas(consultationId);
        var totals = await ideas.GroupBy(_ => 1)
            .Select(g => new { Ideas = g.Count(), Votes = g.Sum(i => i.VoteCount), Comments = g.Sum(i => i.CommentCount) })
            .FirstOrDefaultAsync(ct);
        var participation = new Participation(totals?.Ideas ?? 0, totals?.Comments ?? 0, totals?.Votes ?? 0,
            await ParticipantsAsync(consultationId, ct), events.Sum(e => e.Registered), events.Sum(e => e.Attended));
        return new ConsultationSummaryReport(head, conclusion?.Markdown, conclusion?.Licence ?? OpenDataLicence.Nlod20, participation,
            await GrowthAsync(consultationId, head, ct),
            await ByThemeAsync(consultationId, ct), await ByPrincipleAsync(consultationId, ct), await ByGoalAsync(consultationId, ct),
            await TopAsync(ideas.OrderByDescending(i => i.VoteCount).ThenByDescending(i => i.CommentCount), ct),
            await TopAsync(ideas.OrderByDescending(i => i.CommentCount).ThenByDescending(i => i.VoteCount), ct),
            await AnswersAsync(consultationId, ct),
            await words.TopAsync(consultationId, ct),
            events,
            await DemographicsAsync(consultationId, ct));
    }

    /// <summary>The ideas every figure counts: listed ideas of the consultation.</summary>
    private IQueryable<Idea> Ideas(int consultationId) =>
        db.Ideas.AsNoTracking().Listed().Where(i => i.ConsultationId == consultationId);

    /// <summary>Comments counted: visible, not deleted, on a counted idea (what <see cref="Idea.CommentCount"/> sums).</summary>
    private IQueryable<Comment> Comments(int consultationId) =>
        db.Comments.AsNoTracking().PubliclyVisible()
            .Where(c => c.DeletedAt == null && Ideas(consultationId).Select(i => i.Id).Contains(c.IdeaId));

    private IQueryable<Vote> Votes(int consultationId) =>
        db.Votes.AsNoTracking().Where(v => Ideas(consultationId).Select(i => i.Id).Contains(v.IdeaId));

    private async Task<SummaryHead?> HeadAsync(int id, CancellationToken ct)
    {
        var c = await db.Consultations.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Slug, c.Title, Theme = c.Theme!.Title, c.OpensAt, c.IdeasCloseAt, c.ClosesAt, c.ConcludedAt })
            .FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }
        var phase = new Consultation { OpensAt = c.OpensAt, IdeasCloseAt = c.IdeasCloseAt, ClosesAt = c.ClosesAt, ConcludedAt = c.ConcludedAt }
            .PhaseAt(time.GetUtcNow().UtcDateTime);
        return new SummaryHead(c.Id, c.Slug, c.Title, c.Theme, c.OpensAt, c.IdeasCloseAt, c.ClosesAt, c.ConcludedAt, phase);
    }

    private IQueryable<string> ParticipantIds(int consultationId) =>
        Ideas(consultationId).Where(i => i.AuthorId != null).Select(i => i.AuthorId!)
            .Union(Comments(consultationId).Where(c => c.AuthorId != null).Select(c => c.AuthorId!))
            .Union(Votes(consultationId).Where(v => v.UserId != null).Select(v => v.UserId!));

    private Task<int> ParticipantsAsync(int consultationId, CancellationToken ct) => ParticipantIds(consultationId).CountAsync(ct);

    /// <summary>Participants who chose to tell, by age group and part of the municipality; small groups merged (<see cref="Demographics.Merged"/>).</summary>
    private async Task<DemographicFigures> DemographicsAsync(int consultationId, CancellationToken ct)
    {
        var told = db.Users.AsNoTracking()
            .Where(u => u.DemographicsConsentedAt != null && ParticipantIds(consultationId).Contains(u.Id));
        // One pass over the participants' UNION (measured: each pass costs about as much as the participants figure), the
        // per-pair counts summed up here into the total and the two groupings.
        var pairs = await told.GroupBy(u => new { u.AgeGroup, u.MunicipalityPart })
            .Select(g => new { g.Key.AgeGroup, g.Key.MunicipalityPart, N = g.Count() }).ToListAsync(ct);
        return new DemographicFigures(pairs.Sum(p => p.N),
            Demographics.Merged(pairs.Where(p => p.AgeGroup != null).GroupBy(p => p.AgeGroup!.Value)
                .Select(g => new GroupCount(g.Key.ToString(), g.Sum(p => p.N)))),
            Demographics.Merged(pairs.Where(p => p.MunicipalityPart != null).GroupBy(p => p.MunicipalityPart!.Value)
                .Select(g => new GroupCount(g.Key.ToString(), g.Sum(p => p.N)))));
    }

    /// <summary>
    /// Published, visible events staff linked to the consultation. Once an event's participants were deleted
    /// (<see cref="EventMaintenance.DeletePersonalDataAsync"/>) its kept counts stand in for the rows.
    /// </summary>
    private async Task<List<LinkedEvent>> EventsAsync(int consultationId, CancellationToken ct)
    {
        var rows = await db.Set<ConsultationEvent>().AsNoTracking()
            .Where(l => l.ConsultationId == consultationId)
            .Select(l => l.Event!)
            .Where(e => e.Status == EventStatus.Published && e.ModerationState == ModerationState.Visible)
            .OrderBy(e => e.StartsAt)
            .Select(e => new
            {
                e.Id, e.Slug, e.Title, e.StartsAt, e.PersonalDataDeletedAt, e.FinalRegistered, e.FinalAttended,
                Registered = db.Registrations.Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Confirmed).Sum(r => 1 + r.Companions),
                Attended = db.Registrations.Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Confirmed && r.CheckedInAt != null)
                    .Sum(r => 1 + r.Companions),
            })
            .ToListAsync(ct);
        return rows.Select(e => e.PersonalDataDeletedAt is null
                ? new LinkedEvent(e.Id, e.Slug, e.Title, e.StartsAt, e.Registered, e.Attended)
                : new LinkedEvent(e.Id, e.Slug, e.Title, e.StartsAt, e.FinalRegistered ?? 0, e.FinalAttended ?? 0))
            .ToList();
    }

    /// <summary>Per UTC day from the opening to the close (or today, while it runs): the totals reached by the end of that day.</summary>
    private async Task<List<GrowthPoint>> GrowthAsync(int consultationId, SummaryHead head, CancellationToken ct)
    {
        var ideasPerDay = await Ideas(consultationId).GroupBy(i => i.CreatedAt.Date).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var commentsPerDay = await Comments(consultationId).GroupBy(c => c.CreatedAt.Date).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var votesPerDay = await Votes(consultationId).GroupBy(v => v.CreatedAt.Date).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var first = DateOnly.FromDateTime(head.OpensAt);
        var last = DateOnly.FromDateTime(head.ClosesAt < now ? head.ClosesAt : now);
        // Anything dated outside the period (seeded, imported or moved dates) still counts: it joins the first or last day.
        DateOnly Clamp(DateTime d) { var day = DateOnly.FromDateTime(d); return day < first ? first : day > last ? last : day; }
        if (last < first)
        {
            last = first;
        }
        var points = new List<GrowthPoint>();
        int ideas = 0, comments = 0, votes = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            ideas += ideasPerDay.Where(x => Clamp(x.Key) == day).Sum(x => x.N);
            comments += commentsPerDay.Where(x => Clamp(x.Key) == day).Sum(x => x.N);
            votes += votesPerDay.Where(x => Clamp(x.Key) == day).Sum(x => x.N);
            points.Add(new GrowthPoint(day, ideas, comments, votes));
        }
        return points;
    }

    private async Task<List<BreakdownRow>> ByThemeAsync(int consultationId, CancellationToken ct) =>
        (await Ideas(consultationId).GroupBy(i => i.Theme!.Title)
            .Select(g => new { g.Key, Ideas = g.Count(), Votes = g.Sum(i => i.VoteCount), Comments = g.Sum(i => i.CommentCount) })
            .ToListAsync(ct))
        .Select(r => new BreakdownRow(r.Key, r.Ideas, r.Votes, r.Comments))
        .OrderByDescending(r => r.Ideas).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    private async Task<List<BreakdownRow>> ByPrincipleAsync(int consultationId, CancellationToken ct) =>
        (await db.IdeaPrinciples.AsNoTracking()
            .Join(Ideas(consultationId), p => p.IdeaId, i => i.Id, (p, i) => new { p.Code, i.VoteCount, i.CommentCount })
            .GroupBy(x => x.Code)
            .Select(g => new { g.Key, Ideas = g.Count(), Votes = g.Sum(x => x.VoteCount), Comments = g.Sum(x => x.CommentCount) })
            .ToListAsync(ct))
        .Select(r => new BreakdownRow(r.Key, r.Ideas, r.Votes, r.Comments))
        .OrderByDescending(r => r.Ideas).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    private async Task<List<BreakdownRow>> ByGoalAsync(int consultationId, CancellationToken ct) =>
        (await db.IdeaGoals.AsNoTracking()
            .Join(Ideas(consultationId), g => g.IdeaId, i => i.Id, (g, i) => new { g.Number, i.VoteCount, i.CommentCount })
            .GroupBy(x => x.Number)
            .Select(g => new { g.Key, Ideas = g.Count(), Votes = g.Sum(x => x.VoteCount), Comments = g.Sum(x => x.CommentCount) })
            .ToListAsync(ct))
        .OrderByDescending(r => r.Ideas).ThenBy(r => r.Key)
        .Select(r => new BreakdownRow(r.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Ideas, r.Votes, r.Comments))
        .ToList();

    private static async Task<List<TopIdea>> TopAsync(IOrderedQueryable<Idea> ordered, CancellationToken ct) =>
        (await ordered.ThenBy(i => i.Id).Take(TopCount)
            .Select(i => new { i.Id, i.Title, i.VoteCount, i.CommentCount, i.Status, i.AnswerMarkdown, i.AnsweredAt })
            .ToListAsync(ct))
        .Select(i => new TopIdea(i.Id, Slugs.WithId(i.Title, i.Id), i.Title, i.VoteCount, i.CommentCount, i.Status, i.AnswerMarkdown, i.AnsweredAt))
        .ToList();

    private async Task<AnswerFigures> AnswersAsync(int consultationId, CancellationToken ct)
    {
        var byStatus = await Ideas(consultationId).GroupBy(i => i.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        int Of(IdeaStatus s) => byStatus.Where(x => x.Key == s).Sum(x => x.N);
        // Only the answered ideas' two dates are read: at most one small row per idea.
        var answered = await Ideas(consultationId).Where(i => i.AnsweredAt != null)
            .Select(i => new { i.CreatedAt, AnsweredAt = i.AnsweredAt!.Value }).ToListAsync(ct);
        return new AnswerFigures(answered.Count, Of(IdeaStatus.New), Of(IdeaStatus.UnderConsideration), Of(IdeaStatus.Accepted),
            Of(IdeaStatus.Rejected), Of(IdeaStatus.Implemented), Median(answered.Select(a => a.AnsweredAt - a.CreatedAt)));
    }

    /// <summary>The middle value; for an even count the mean of the two middle ones.</summary>
    public static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : TimeSpan.FromTicks((sorted[mid - 1].Ticks + sorted[mid].Ticks) / 2);
    }
}
