using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

/// <summary>The mails that the registration service's changes queue reach the participants, in order and once.</summary>
public sealed class EventMailJourneyTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static SignUpInput Guest(string email) => new("Gjest", email, 0, null, null, true, "nb");

    [Fact]
    public async Task AGuestIsAskedToConfirmThenConfirmedThenPromotedAfterACancellation()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        await _h.WithDbAsync(db => db.Events.Where(e => e.Id == ev).ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, 1)));

        var first = await _h.WithAsync((SignUpService s) => s.SignUpAsync(ev, null, Guest("forste@example.org")));
        var second = await _h.WithAsync((SignUpService s) => s.SignUpAsync(ev, null, Guest("andre@example.org")));
        Assert.Equal(2, await _h.Events.DeliverAsync());
        var tokens = await _h.WithDbAsync(db => db.Registrations.OrderBy(r => r.Id).Select(r => r.ManageToken).ToListAsync());

        await _h.WithAsync((SignUpService s) => s.ConfirmEmailAsync(tokens[0]));
        await _h.WithAsync((SignUpService s) => s.ConfirmEmailAsync(tokens[1]));
        Assert.Equal(2, await _h.Events.DeliverAsync());

        await _h.WithAsync((CancellationService s) => s.CancelAsync(tokens[0]));
        Assert.Equal(2, await _h.Events.DeliverAsync());
        Assert.Equal(0, await _h.Events.DeliverAsync());

        Assert.Equal(
            [$"ConfirmEmail {first.RegistrationId}", $"ConfirmEmail {second.RegistrationId}",
             $"Confirmed {first.RegistrationId}", $"Waitlisted {second.RegistrationId} 1",
             $"Cancelled {first.RegistrationId}", $"Promoted {second.RegistrationId}"],
            _h.Mail.Subjects);
    }
}
