namespace Bylab.Core.Accounts;

/// <summary>
/// What another feature does when an account is deleted, inside the deletion's transaction and before the user row
/// goes (foreign keys then set what is left to null). Events cancels the person's upcoming sign-ups; venue
/// booking will release the person's bookings. Registered in <c>AddBylabCore</c>; Accounts knows no feature.
/// </summary>
public interface IAccountDeletionStep
{
    Task ForgetAccountAsync(string userId, CancellationToken ct);
}
