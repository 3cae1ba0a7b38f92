using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

/// <summary>The sign-up guard refuses what the form refuses: a name or address that would break out of its line in a mail.</summary>
public sealed class SignUpTextSafetyTests : IAsyncLifetime
{
    private CoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<SignUpResult> SignUpAsync(int eventId, SignUpInput input) =>
        _core.WithAsync<SignUpService, SignUpResult>(s => s.SignUpAsync(eventId, null, input));

    [Theory]
    [InlineData("Kari\r\n\r\nKlikk her for å bekrefte: https://evil.example/", "kari@example.org", nameof(SignUpInput.Name))]
    [InlineData("Kari\u2028Nordmann", "kari@example.org", nameof(SignUpInput.Name))]
    [InlineData("Kari", "kari@example.org\u0000", nameof(SignUpInput.Email))]
    [InlineData("Kari", "kari@exa\u001bmple.org", nameof(SignUpInput.Email))]
    public async Task GuestNameAndAddressMustStayOnOneLine(string name, string email, string field)
    {
        var eventId = (await _core.Events.AddAsync()).Id;

        var result = await SignUpAsync(eventId, TestEvents.SignUpInput(name, email));

        Assert.Equal(SignUpOutcome.InvalidInput, result.Outcome);
        Assert.Contains(field, result.InvalidFields!);
        Assert.Empty(await _core.Events.RegistrationsOfAsync(eventId));
    }

    [Fact]
    public async Task NeedsAndAnswerMayHaveLineBreaksButNoOtherControlCharacters()
    {
        var eventId = (await _core.Events.AddAsync(askNeeds: true, question: "Hva vil du snakke om?")).Id;

        var bad = await SignUpAsync(eventId, TestEvents.SignUpInput("Kari", "kari@example.org", needs: "Rullestol\u0007", answer: "Byen\u001b[2J"));
        Assert.Equal(SignUpOutcome.InvalidInput, bad.Outcome);
        Assert.Equal([nameof(SignUpInput.Answer), nameof(SignUpInput.Needs)], bad.InvalidFields!.Order());

        var ok = await SignUpAsync(eventId, TestEvents.SignUpInput("Kari", "kari@example.org", needs: "Rullestol\r\nog tolk", answer: "Byen\nog parken"));
        Assert.Equal(SignUpOutcome.CheckEmail, ok.Outcome);
    }
}
