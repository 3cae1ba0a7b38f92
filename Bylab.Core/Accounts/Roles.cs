namespace Bylab.Core.Accounts;

/// <summary>The role names stored in the database. Their display names live in the Web resources.</summary>
public static class Roles
{
    public const string Citizen = "Citizen";
    public const string Organiser = "Organiser";
    public const string Staff = "Staff";
    public const string Moderator = "Moderator";
    public const string Admin = "Admin";
    public const string Politician = "Politician";

    public static readonly IReadOnlyList<string> All = [Citizen, Organiser, Staff, Moderator, Admin, Politician];

    /// <summary>Roles that reach the admin area; people holding them must use two-factor authentication.</summary>
    public static readonly IReadOnlyList<string> RequiringTwoFactor = [Staff, Moderator, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
