using Bylab.Core.Auditing;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Ideas;

/// <summary>Themes, consultations and ideas set up through the Core services, with dates relative to now (the app runs on the real clock).</summary>
public sealed class IdeasData(BylabFactory factory)
{
    private static readonly Actor Staff = new("test-staff", "Test staff");

    public sealed record Setup(int ThemeId, string ThemeSlug, int ConsultationId, string ConsultationSlug);

    /// <summary>A theme and a consultation in the phase asked for (ideas are submitted while it is open, then it moves on).</summary>
    public async Task<Setup> ConsultationAsync(string title, ConsultationPhase phase = ConsultationPhase.OpenForIdeas, int? maxVotes = null)
    {
        var unique = $"{title} {Guid.NewGuid():N}"[..Math.Min(title.Length + 9, 100)];
        Setup? setup = null;
        await factory.WithScopeAsync(async sp =>
        {
            var theme = await sp.GetRequiredService<ThemeService>().CreateAsync(Staff, new ThemeInput("Tema " + unique, "Et tema for tester."));
            var now = DateTime.UtcNow;
            var (opens, ideasClose, closes) = Dates(phase, now);
            var consultation = await sp.GetRequiredService<ConsultationService>().CreateAsync(Staff,
                new ConsultationInput(unique, "Hva mener **du**?", theme.Id!.Value, opens, ideasClose, closes, maxVotes));
            Assert.Equal(SaveOutcome.Saved, consultation.Outcome);
            setup = new Setup(theme.Id.Value, theme.Slug!, consultation.Id!.Value, consultation.Slug!);
        });
        return setup!;
    }

    public Task MoveToAsync(Setup setup, ConsultationPhase phase, int? maxVotes = null) => factory.WithScopeAsync(async sp =>
    {
        var service = sp.GetRequiredService<ConsultationService>();
        var current = (await service.GetForEditAsync(setup.ConsultationId))!;
        var (opens, ideasClose, closes) = Dates(phase, DateTime.UtcNow);
        var saved = await service.UpdateAsync(Staff, setup.ConsultationId,
            new ConsultationInput(current.Title, current.DescriptionMarkdown, current.ThemeId, opens, ideasClose, closes, maxVotes ?? current.MaxVotesPerPerson));
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
    });

    public async Task<(int Id, string Slug)> IdeaAsync(Setup setup, string authorId, string title, string body = "En beskrivelse av idéen.",
        string[]? principles = null, int[]? goals = null)
    {
        (int, string) result = default;
        await factory.WithScopeAsync(async sp =>
        {
            var submitted = await sp.GetRequiredService<IdeaService>().SubmitAsync(authorId, setup.ConsultationId,
                new IdeaContent(title, body, setup.ThemeId, principles, goals));
            Assert.Equal(SubmitOutcome.Created, submitted.Outcome);
            result = (submitted.IdeaId!.Value, Slugs.WithId(title, submitted.IdeaId.Value));
        });
        return result;
    }

    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        T result = default!;
        await factory.WithScopeAsync(async sp => result = await work(sp.GetRequiredService<TService>()));
        return result;
    }

    private static (DateTime, DateTime, DateTime) Dates(ConsultationPhase phase, DateTime now) => phase switch
    {
        ConsultationPhase.Upcoming => (now.AddDays(5), now.AddDays(10), now.AddDays(15)),
        ConsultationPhase.VotingOnly => (now.AddDays(-10), now.AddDays(-1), now.AddDays(5)),
        ConsultationPhase.Closed => (now.AddDays(-20), now.AddDays(-10), now.AddDays(-1)),
        _ => (now.AddDays(-5), now.AddDays(10), now.AddDays(15)),
    };
}
