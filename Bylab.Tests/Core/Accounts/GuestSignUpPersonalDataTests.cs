using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Accounts;

/// <summary>
/// A person may sign up as a guest with the same address their account has (for instance before they logged in).
/// Those sign-ups are theirs as well: they are in the data download, and deleting the account anonymises them.
/// </summary>
public sealed class GuestSignUpPersonalDataTests : IAsyncLifetime
{
    private CoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task GuestSignUpsWithTheAccountsAddressAreInTheDataDownload()
    {
        var kari = await _core.Users.CreateAsync("Kari Nordmann");
        var eventId = (await _core.Events.AddAsync()).Id;
        var other = (await _core.Events.AddAsync()).Id;
        await _core.Events.RegistrationAsync(eventId, RegistrationStatus.Confirmed, name: "Kari som gjest", email: kari.Email!.ToUpperInvariant());
        await _core.Events.RegistrationAsync(other, RegistrationStatus.Confirmed, name: "Noen andre", email: "noen.andre@example.org");

        var export = await _core.WithAsync<AccountService, PersonalDataExport?>(s => s.ExportAsync(kari.Id));

        var registration = Assert.Single(export!.EventRegistrations);
        Assert.Equal(("Kari som gjest", eventId), (registration.Name, registration.EventId));
    }

    [Fact]
    public async Task DeletingTheAccountAnonymisesGuestSignUpsWithItsAddress()
    {
        var kari = await _core.Users.CreateAsync("Kari Nordmann");
        var eventId = (await _core.Events.AddAsync(capacity: 1)).Id;
        var guest = (await _core.Events.RegistrationAsync(eventId, RegistrationStatus.Confirmed, name: "Kari som gjest", email: kari.Email)).Id;
        var waiting = (await _core.Events.RegistrationAsync(eventId, RegistrationStatus.Waitlisted, name: "Ola", email: "ola@example.org")).Id;

        Assert.True(await _core.WithAsync<AccountService, bool>(s => s.DeleteAsync(kari.Id)));

        var rows = await _core.Events.RegistrationsOfAsync(eventId);
        var erased = rows.Single(r => r.Id == guest);
        Assert.Equal(("", "", RegistrationStatus.Cancelled), (erased.Name, erased.Email, erased.Status));
        // The freed place went to the waitlist, as for the account's own sign-ups.
        Assert.Equal(RegistrationStatus.Confirmed, rows.Single(r => r.Id == waiting).Status);
    }
}
