using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Tests.Core.Events;

namespace Bylab.Tests.Core.Accounts;

/// <summary>
/// A person may sign up as a guest with the same address their account has (for instance before they logged in).
/// Those sign-ups are theirs as well: they are in the data download, and deleting the account anonymises them.
/// </summary>
public sealed class GuestSignUpPersonalDataTests : IAsyncLifetime
{
    private RegistrationHarness _h = null!;

    public async Task InitializeAsync() => _h = await RegistrationHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task GuestSignUpsWithTheAccountsAddressAreInTheDataDownload()
    {
        var (userId, email) = (await _h.CreateUsersAsync(1))[0];
        var eventId = await _h.CreateEventAsync();
        var other = await _h.CreateEventAsync();
        await _h.AddRegistrationAsync(eventId, RegistrationStatus.Confirmed, name: "Kari som gjest", email: email.ToUpperInvariant());
        await _h.AddRegistrationAsync(other, RegistrationStatus.Confirmed, name: "Noen andre", email: "noen.andre@example.org");

        var export = await _h.InScopeAsync<AccountService, PersonalDataExport?>(s => s.ExportAsync(userId));

        var registration = Assert.Single(export!.EventRegistrations);
        Assert.Equal(("Kari som gjest", eventId), (registration.Name, registration.EventId));
    }

    [Fact]
    public async Task DeletingTheAccountAnonymisesGuestSignUpsWithItsAddress()
    {
        var (userId, email) = (await _h.CreateUsersAsync(1))[0];
        var eventId = await _h.CreateEventAsync(capacity: 1);
        var guest = await _h.AddRegistrationAsync(eventId, RegistrationStatus.Confirmed, name: "Kari som gjest", email: email);
        var waiting = await _h.AddRegistrationAsync(eventId, RegistrationStatus.Waitlisted, name: "Ola", email: "ola@example.org");

        Assert.True(await _h.InScopeAsync<AccountService, bool>(s => s.DeleteAsync(userId)));

        var rows = await _h.RegistrationsOfAsync(eventId);
        var erased = rows.Single(r => r.Id == guest);
        Assert.Equal(("", "", RegistrationStatus.Cancelled), (erased.Name, erased.Email, erased.Status));
        // The freed place went to the waitlist, as for the account's own sign-ups.
        Assert.Equal(RegistrationStatus.Confirmed, rows.Single(r => r.Id == waiting).Status);
    }
}
