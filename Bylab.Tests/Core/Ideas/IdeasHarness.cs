using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Ideas;

/// <summary>
/// The ideas services on a real SQLite file of their own (a file, not :memory:, so that concurrent
/// connections really compete for the write lock), with a clock the test moves.
/// </summary>
public sealed class IdeasHarness : SqliteHarness
{
    public static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private readonly Action<IdeaOptions>? _configure;

    // Set after the base constructor has called AddServices; the options read it only when first resolved.
    private IdeasHarness(Action<IdeaOptions>? configure) : base("ideas", Start) => _configure = configure;

    protected override void AddServices(IServiceCollection services)
    {
        services.AddOptions<IdeaOptions>().Configure(o => _configure?.Invoke(o));
        services.AddScoped<AuditLog>();
        services.AddScoped<AccountService>();
        services.AddScoped<IdeaQueries>();
        services.AddScoped<IdeaService>();
        services.AddScoped<VoteService>();
        services.AddScoped<CommentService>();
        services.AddScoped<ThemeService>();
        services.AddScoped<ConsultationService>();
        services.AddScoped<MyIdeasQueries>();
        services.AddScoped<CommentDigestService>();
        services.AddSingleton<ICommentDigestComposer, ListingDigestComposer>();
        services.AddSingleton<Bylab.Core.Email.IEmailSender>(Sender);
    }

    /// <summary>Every e-mail the services sent (comment digests).</summary>
    public Events.RecordingSender Sender { get; } = new();

    public Task<T> Digests<T>(Func<CommentDigestService, Task<T>> work) => InScopeAsync(work);

    /// <summary>A digest as one line per comment: «Reason CommentId Writer», so tests read what it holds.</summary>
    private sealed class ListingDigestComposer : ICommentDigestComposer
    {
        public Bylab.Core.Email.EmailMessage Compose(CommentDigestMail mail) =>
            new(mail.Email, $"digest {mail.Items.Count}", string.Join("\n", mail.Items.Select(i => $"{i.Reason} {i.CommentId} {i.WriterName}")));
    }

    public static Task<IdeasHarness> CreateAsync(Action<IdeaOptions>? configure = null) => MigrateAsync(new IdeasHarness(configure));

    public Task<T> WithAsync<T, TService>(Func<TService, Task<T>> work) where TService : notnull => InScopeAsync(work);

    public Task<T> Votes<T>(Func<VoteService, Task<T>> work) => InScopeAsync(work);
    public Task<T> Ideas<T>(Func<IdeaService, Task<T>> work) => InScopeAsync(work);
    public Task<T> Comments<T>(Func<CommentService, Task<T>> work) => InScopeAsync(work);
    public Task<T> Queries<T>(Func<IdeaQueries, Task<T>> work) => InScopeAsync(work);

    /// <summary>Confirmed accounts written straight into the Users table (no password needed for these tests).</summary>
    public async Task<List<string>> CreateUsersAsync(int count, string prefix = "person")
    {
        var ids = new List<string>();
        await WithDbAsync(async db =>
        {
            for (var n = 0; n < count; n++)
            {
                var user = NewUser($"{prefix}-{n}-{Guid.NewGuid():N}@test.bylab.no", $"{prefix} {n}", Start);
                db.Users.Add(user);
                ids.Add(user.Id);
            }
            await db.SaveChangesAsync();
        });
        return ids;
    }

    public async Task<string> CreateUserAsync(string prefix = "person") => (await CreateUsersAsync(1, prefix))[0];

    /// <summary>A staff member who exists as a user (official answers point to them).</summary>
    public async Task<Actor> CreateStaffAsync() => new(await CreateUserAsync("staff"), "Sindre Bylab-ansatt");

    public async Task<int> CreateThemeAsync(string title = "Bærekraft og klima")
    {
        var result = await WithAsync<SaveResult, ThemeService>(s => s.CreateAsync(new Actor("staff", "Staff"),
            new ThemeInput(title, "Kort beskrivelse av målet.", SortOrder: 1)));
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Id!.Value;
    }

    /// <summary>
    /// A consultation that opened an hour before <see cref="Start"/>: open for ideas for ten days,
    /// then voting only for five, then closed.
    /// </summary>
    public async Task<int> CreateConsultationAsync(int? themeId = null, int? maxVotes = null, string title = "Hvordan skal Stortorget brukes?")
    {
        themeId ??= await CreateThemeAsync($"Tema {Guid.NewGuid():N}"[..20]);
        var result = await WithAsync<SaveResult, ConsultationService>(s => s.CreateAsync(new Actor("staff", "Staff"),
            new ConsultationInput(title, "Beskrivelse i **Markdown**.", themeId.Value,
                Start.AddHours(-1), Start.AddDays(10), Start.AddDays(15), maxVotes)));
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Id!.Value;
    }

    public async Task<int> SubmitAsync(string userId, int consultationId, string title = "Flere benker på Stortorget",
        string body = "Det trengs flere steder å sitte, særlig for eldre.", string[]? principles = null, int[]? goals = null)
    {
        var result = await Ideas(s => s.SubmitAsync(userId, consultationId, new IdeaContent(title, body, Principles: principles, Goals: goals)));
        Assert.Equal(SubmitOutcome.Created, result.Outcome);
        return result.IdeaId!.Value;
    }

    /// <summary>The stored counter beside the real number of rows.</summary>
    public Task<(int Counter, int Rows)> VoteCountsAsync(int ideaId) => WithDbAsync(async db =>
        (await db.Ideas.Where(i => i.Id == ideaId).Select(i => i.VoteCount).SingleAsync(),
         await db.Votes.CountAsync(v => v.IdeaId == ideaId)));
}
