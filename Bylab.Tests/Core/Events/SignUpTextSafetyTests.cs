using Bylab.Core.Events;

namespace Bylab.Tests.Core.Events;

/// <summary>The sign-up guard refuses what the form refuses: a name or address that would break out of its line in a mail.</summary>
public sealed class SignUpTextSafetyTests : IAsyncLifetime
{
    private RegistrationHarness _h = null!;

    public async Task InitializeAsync() => _h = await RegistrationHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("Kari\r\n\r\nKlikk her for å bekrefte: https://evil.example/", "kari@example.org", nameof(SignUpInput.Name))]
    [InlineData("Kari\u2028Nordmann", "kari@example.org", nameof(SignUpInput.Name))]
    [InlineData("Kari", "kari@example.org\u0000", nameof(SignUpInput.Email))]
    [InlineData("Kari", "kari@exa\u001bmple.org", nameof(SignUpInput.Email))]
    public async Task GuestNameAndAddressMustStayOnOneLine(string name, string email, string field)
    {
        var eventId = await _h.CreateEventAsync();

        var result = await _h.Registrations(s => s.SignUpAsync(eventId, null, RegistrationHarness.Input(name, email)));

        Assert.Equal(SignUpOutcome.InvalidInput, result.Outcome);
        Assert.Contains(field, result.InvalidFields!);
        Assert.Empty(await _h.RegistrationsOfAsync(eventId));
    }

    [Fact]
    public async Task NeedsAndAnswerMayHaveLineBreaksButNoOtherControlCharacters()
    {
        var eventId = await _h.CreateEventAsync(askNeeds: true, question: "Hva vil du snakke om?");

        var bad = await _h.Registrations(s => s.SignUpAsync(eventId, null,
            RegistrationHarness.Input("Kari", "kari@example.org", needs: "Rullestol\u0007", answer: "Byen\u001b[2J")));
        Assert.Equal(SignUpOutcome.InvalidInput, bad.Outcome);
        Assert.Equal([nameof(SignUpInput.Answer), nameof(SignUpInput.Needs)], bad.InvalidFields!.Order());

        var ok = await _h.Registrations(s => s.SignUpAsync(eventId, null,
            RegistrationHarness.Input("Kari", "kari@example.org", needs: "Rullestol\r\nog tolk", answer: "Byen\nog parken")));
        Assert.Equal(SignUpOutcome.CheckEmail, ok.Outcome);
    }
}
