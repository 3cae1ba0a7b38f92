using System.Globalization;
using Bylab.Core.Events;
using Bylab.Core.Time;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Organise;

/// <summary>What the door says after a check-in: «Kari Nordmann (+2) er sjekket inn», «allerede sjekket inn kl. 18:02» and so on.</summary>
public static class CheckInFeedback
{
    public static (bool Ok, string Text) Message(CheckInResult result, IStringLocalizer<OrganiseResource> l) => result.Outcome switch
    {
        CheckInOutcome.CheckedIn => (true, l["CheckIn.Done", Person(result, l)].Value),
        CheckInOutcome.AlreadyCheckedIn => (false, l["CheckIn.Already", Person(result, l), Clock(result.CheckedInAt)].Value),
        CheckInOutcome.NotConfirmed => (false, l["CheckIn.NotConfirmed", Person(result, l)].Value),
        CheckInOutcome.WrongEvent => (false, l["CheckIn.WrongEvent"].Value),
        CheckInOutcome.TooEarly => (false, l["CheckIn.TooEarly", Display.DateTime(result.OpensAt ?? DateTime.MinValue)].Value),
        CheckInOutcome.TooLate => (false, l["CheckIn.TooLate"].Value),
        _ => (false, l["CheckIn.NotFound"].Value),
    };

    /// <summary>The name with the companions: «Kari Nordmann (+2)».</summary>
    public static string Person(CheckInResult result, IStringLocalizer<OrganiseResource> l) => Person(result.Name, result.Companions, l);

    public static string Person(string? name, int companions, IStringLocalizer<OrganiseResource> l)
    {
        var who = string.IsNullOrEmpty(name) ? l["CheckIn.Anonymous"].Value : name;
        return companions > 0 ? $"{who} (+{companions})" : who;
    }

    public static string Clock(DateTime? utc) =>
        utc is { } t ? OsloTime.ToOslo(t).ToString("HH:mm", CultureInfo.InvariantCulture) : "";
}
