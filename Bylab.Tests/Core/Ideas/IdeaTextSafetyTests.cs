using Bylab.Core.Auditing;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Ideas;

/// <summary>Titles and place names of ideas, themes and consultations reach feeds and mails: one line each, guarded in Core.</summary>
public sealed class IdeaTextSafetyTests : IAsyncLifetime
{
    private CoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Theory]
    [InlineData("Benker\r\npå torget", "Tekst", null, nameof(IdeaContent.Title))]
    [InlineData("Benker", "Tekst", "Stortorget\nvest", nameof(IdeaContent.PlaceName))]
    [InlineData("Benker", "Tekst med NUL\u0000", null, nameof(IdeaContent.BodyMarkdown))]
    public void IdeaGuardRefusesControlCharacters(string title, string body, string? place, string field) =>
        Assert.Contains(field, new IdeaContent(title, body, PlaceName: place).InvalidFields());

    [Fact]
    public void IdeaBodyMayHaveLineBreaks() =>
        Assert.Empty(new IdeaContent("Benker", "Første avsnitt.\r\n\r\nAndre avsnitt.").InvalidFields());

    [Fact]
    public async Task SubmittedIdeaWithALineBreakInTheTitleIsRefused()
    {
        var user = await _core.Users.CreateAsync("Kari Nordmann", roles: [Bylab.Core.Accounts.Roles.Citizen]);
        var consultation = await _core.Ideas.ConsultationAsync();

        var result = await _core.WithAsync<IdeaService, SubmitResult>(s => s.SubmitAsync(user.Id, consultation.Id, new IdeaContent("Benker\npå torget", "Tekst")));

        Assert.Equal(SubmitOutcome.InvalidInput, result.Outcome);
        Assert.Equal([nameof(IdeaContent.Title)], result.InvalidFields!);
    }

    [Fact]
    public async Task ThemeAndConsultationTitlesStayOnOneLine()
    {
        var staff = new Actor("staff", "Staff");
        var theme = await _core.WithAsync<ThemeService, SaveResult>(s => s.CreateAsync(staff, new ThemeInput("Klima\r\nog miljø", "Beskrivelse.")));
        Assert.Equal(SaveOutcome.InvalidInput, theme.Outcome);
        Assert.Contains(nameof(ThemeInput.Title), theme.InvalidFields!);

        var themeId = (await _core.Ideas.ThemeAsync()).Id;
        var consultation = await _core.WithAsync<ConsultationService, SaveResult>(s => s.CreateAsync(staff,
            new ConsultationInput("Stortorget\nsin framtid", "Beskrivelse.", themeId, _core.Now, _core.Now.AddDays(1), _core.Now.AddDays(2))));
        Assert.Equal(SaveOutcome.InvalidInput, consultation.Outcome);
        Assert.Contains(nameof(ConsultationInput.Title), consultation.InvalidFields!);
    }
}
