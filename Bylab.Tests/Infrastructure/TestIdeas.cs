using Bylab.Core.Auditing;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Infrastructure;

public sealed record TestTheme(int Id, string Slug, string Title);

public sealed record TestConsultation(int Id, string Slug, int ThemeId, string ThemeSlug)
{
    public void Deconstruct(out int id, out string slug) => (id, slug) = (Id, Slug);
}

/// <param name="Slug">"slug-id", as the idea's address has it.</param>
public sealed record TestIdea(int Id, string Slug);

/// <summary>
/// The one idea builder, for Core and HTTP tests alike: themes, consultations, ideas, votes and follows made through
/// the Core services (so they are as real as the pages make them), with dates relative to the services' clock.
/// </summary>
public sealed class TestIdeas(IServiceProvider services)
{
    private static readonly Actor Staff = new("test-staff", "Test staff");

    private DateTime Now => services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <param name="title">Defaults to a unique title; slugs are made unique by the service either way.</param>
    public async Task<TestTheme> ThemeAsync(string? title = null)
    {
        title ??= $"Tema {Guid.NewGuid():N}"[..20];
        var saved = await WithAsync((ThemeService s) => s.CreateAsync(Staff, new ThemeInput(title, "Et tema for tester.", SortOrder: 1)));
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return new TestTheme(saved.Id!.Value, saved.Slug!, title);
    }

    /// <summary>
    /// A consultation in the phase asked for. Open for ideas: opened an hour ago, ideas for ten days, then voting
    /// only for five. A theme of its own unless one is given.
    /// </summary>
    public async Task<TestConsultation> ConsultationAsync(string title = "Hvordan skal Stortorget brukes?",
        ConsultationPhase phase = ConsultationPhase.OpenForIdeas, int? maxVotes = null, int? themeId = null)
    {
        var theme = themeId is { } id
            ? await WithAsync((ThemeService s) => s.GetAsync(id)) is { } t ? new TestTheme(t.Id, t.Slug, t.Title) : throw new ArgumentException("No such theme.")
            : await ThemeAsync();
        var (opens, ideasClose, closes) = Dates(phase, Now);
        var saved = await WithAsync((ConsultationService s) => s.CreateAsync(Staff,
            new ConsultationInput(title, "Hva mener **du**?", theme.Id, opens, ideasClose, closes, maxVotes)));
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return new TestConsultation(saved.Id!.Value, saved.Slug!, theme.Id, theme.Slug);
    }

    /// <summary>Moves a consultation on to another phase (ideas are submitted while it is open, then it moves on).</summary>
    public async Task MoveToAsync(int consultationId, ConsultationPhase phase, int? maxVotes = null)
    {
        var current = (await WithAsync((ConsultationService s) => s.GetForEditAsync(consultationId)))!;
        var (opens, ideasClose, closes) = Dates(phase, Now);
        var saved = await WithAsync((ConsultationService s) => s.UpdateAsync(Staff, consultationId,
            new ConsultationInput(current.Title, current.DescriptionMarkdown, current.ThemeId, opens, ideasClose, closes,
                maxVotes ?? current.MaxVotesPerPerson, current.RequiresVerifiedAccount)));
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
    }

    public async Task<TestIdea> IdeaAsync(string authorId, int consultationId, string title = "Flere benker på Stortorget",
        string body = "Det trengs flere steder å sitte, særlig for eldre.", string[]? principles = null, int[]? goals = null, int? themeId = null)
    {
        var result = await WithAsync((IdeaService s) => s.SubmitAsync(authorId, consultationId, new IdeaContent(title, body, themeId, principles, goals)));
        Assert.Equal(SubmitOutcome.Created, result.Outcome);
        return new TestIdea(result.IdeaId!.Value, result.Slug!);
    }

    /// <summary><paramref name="count"/> ideas by one author in one consultation: «<paramref name="prefix"/> nummer 0» and on.</summary>
    public async Task<List<TestIdea>> IdeasAsync(string authorId, int consultationId, int count, string prefix = "Idé")
    {
        var ideas = new List<TestIdea>();
        for (var n = 0; n < count; n++)
        {
            ideas.Add(await IdeaAsync(authorId, consultationId, $"{prefix} nummer {n}"));
        }
        return ideas;
    }

    /// <summary>A vote through <see cref="VoteService"/>, whatever its outcome (<see cref="VoteAsync"/> expects it counted).</summary>
    public async Task<CastVoteOutcome> CastAsync(string userId, int ideaId) =>
        (await WithAsync((VoteService s) => s.CastAsync(userId, ideaId))).Outcome;

    public async Task VoteAsync(string userId, int ideaId) =>
        Assert.Equal(CastVoteOutcome.Voted, (await WithAsync((VoteService s) => s.CastAsync(userId, ideaId))).Outcome);

    public async Task FollowAsync(string userId, int ideaId) =>
        Assert.Equal(FollowOutcome.Following, (await WithAsync((IdeaService s) => s.FollowAsync(userId, ideaId))).Outcome);

    public async Task<IdeaDetails> DetailsAsync(int ideaId, string? viewerId = null) =>
        (await WithAsync((IdeaQueries q) => q.GetAsync(ideaId, viewerId)))!;

    /// <summary>The stored vote counter beside the real number of rows.</summary>
    public Task<(int Counter, int Rows)> VoteCountsAsync(int ideaId) => WithAsync(async (Bylab.Core.Data.BylabDbContext db) =>
        (await db.Ideas.Where(i => i.Id == ideaId).Select(i => i.VoteCount).SingleAsync(),
         await db.Votes.CountAsync(v => v.IdeaId == ideaId)));

    private static (DateTime Opens, DateTime IdeasClose, DateTime Closes) Dates(ConsultationPhase phase, DateTime now) => phase switch
    {
        ConsultationPhase.Upcoming => (now.AddDays(5), now.AddDays(10), now.AddDays(15)),
        ConsultationPhase.VotingOnly => (now.AddDays(-10), now.AddDays(-1), now.AddDays(5)),
        ConsultationPhase.Closed => (now.AddDays(-20), now.AddDays(-10), now.AddDays(-1)),
        _ => (now.AddHours(-1), now.AddDays(10), now.AddDays(15)),
    };

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
