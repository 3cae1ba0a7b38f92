using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Summaries;

/// <summary>
/// Every figure of a consultation's summary, exact at the time of the request. Everything starts from
/// <see cref="IdeaListing.Listed"/> (ideas) and <see cref="Visibility.PubliclyVisible"/> (comments, events): hidden, held,
/// withdrawn and merged content is neither counted nor quoted. The figures are put together from parts cached by what
/// they depend on (<see cref="SummaryCache"/>): the ideas part, the words part, and the aggregates the triggers keep
/// (<see cref="SummaryTables"/>); see Summaries/README.md. No author, voter or commenter is named anywhere in the result.
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
        var stamps = await SummaryCache.StampsAsync(db, consultationId, ct);
        var fingerprint = new SummaryCache.Fingerprint(stamps.Global, stamps.Version, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var report = await cache.GetOrComputeAsync($"summary:{consultationId}", fingerprint, () => ComputeAsync(head, stamps));
        return report with { Head = head };
    }

    /// <summary>The words part, kept by the text's stamp alone: votes, answers and moderation of comments leave it be.</summary>
    private Task<SummaryWords.Part> WordsAsync(int consultationId, long textVersion)
    {
        var key = $"summary-words:{consultationId}";
        return cache.GetOrComputeAsync(key, textVersion, () => words.ComputeAsync(consultationId, cache.Last<SummaryWords.Part>(key)));
    }

    /// <summary>What the listed ideas are, kept by the ideas' stamp (and the global one: theme titles): votes leave it be.</summary>
    private Task<IdeaFigures.Part> IdeasAsync(IdeaFigures figures, int consultationId, SummaryCache.Stamps stamps) =>
        cache.GetOrComputeAsync($"summary-ideas:{consultationId}", (stamps.Global, stamps.IdeasVersion),
            () => figures.ReadAsync(consultationId, CancellationToken.None));

    // Not cancelled with the request: other requests may be awaiting the same computation (SummaryCache).
    private async Task<ConsultationSummaryReport> ComputeAsync(SummaryHead head, SummaryCache.Stamps stamps)
    {
        var ct = CancellationToken.None;
        var consultationId = head.Id;
        var conclusion = await db.Set<ConsultationConclusion>().AsNoTracking()
            .Where(c => c.ConsultationId == consultationId).FirstOrDefaultAsync(ct);
        var events = await EventsAsync(consultationId, ct);
        var figures = new IdeaFigures(db);
        var ideas = await IdeasAsync(figures, consultationId, stamps);
        var counters = await figures.CountersAsync(consultationId, ct);
        var tables = new SummaryTables(db);
        var participation = new Participation(ideas.Rows.Count,
            ideas.Rows.Sum(i => counters.GetValueOrDefault(i.Id).Comments), ideas.Rows.Sum(i => counters.GetValueOrDefault(i.Id).Votes),
            await tables.ParticipantsAsync(consultationId, ct), events.Sum(e => e.Registered), events.Sum(e => e.Attended));
        var terms = await WordsAsync(consultationId, stamps.TextVersion);
        var examples = ideas.Rows.ToDictionary(i => i.Id, i => (i.Title, counters.GetValueOrDefault(i.Id).Votes));
        return new ConsultationSummaryReport(head, conclusion?.Markdown, conclusion?.Licence ?? OpenDataLicence.Nlod20, participation,
            Growth(head, ideas.IdeasPerDay, await tables.DaysAsync(consultationId, ct)),
            IdeaFigures.ByTheme(ideas, counters), IdeaFigures.ByPrinciple(ideas, counters), IdeaFigures.ByGoal(ideas, counters),
            await figures.TopAsync(ideas, counters, byComments: false, TopCount, ct),
            await figures.TopAsync(ideas, counters, byComments: true, TopCount, ct),
            ideas.Answers,
            SummaryWords.WithExamples(terms.Words, examples),
            SummaryWords.WithExamples(terms.Phrases, examples),
            events,
            await tables.DemographicsAsync(consultationId, ct));
    }

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

    /// <summary>
    /// Per UTC day from the opening to the close (or today, while it runs): the totals reached by the end of that day.
    /// Anything dated outside the period (seeded, imported or moved dates) still counts: it joins the first or last day.
    /// </summary>
    private List<GrowthPoint> Growth(SummaryHead head, Dictionary<DateOnly, int> ideasPerDay, IReadOnlyList<SummaryTables.Day> days)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var first = DateOnly.FromDateTime(head.OpensAt);
        var last = DateOnly.FromDateTime(head.ClosesAt < now ? head.ClosesAt : now);
        if (last < first)
        {
            last = first;
        }
        DateOnly Clamp(DateOnly day) => day < first ? first : day > last ? last : day;
        var ideas = ideasPerDay.GroupBy(x => Clamp(x.Key)).ToDictionary(g => g.Key, g => g.Sum(x => x.Value));
        var votes = days.GroupBy(d => Clamp(d.Date)).ToDictionary(g => g.Key, g => (Votes: g.Sum(d => d.Votes), Comments: g.Sum(d => d.Comments)));
        var points = new List<GrowthPoint>();
        int i = 0, c = 0, v = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            i += ideas.GetValueOrDefault(day);
            c += votes.GetValueOrDefault(day).Comments;
            v += votes.GetValueOrDefault(day).Votes;
            points.Add(new GrowthPoint(day, i, c, v));
        }
        return points;
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
