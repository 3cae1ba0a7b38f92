using Bylab.Core.Common;

namespace Bylab.Core.Events;

/// <summary>
/// The rules of an event's fields that need neither the database nor the clock. The web form's validator runs
/// exactly these (and shows them on the right field in the person's language); <see cref="EventService"/> runs
/// them again, with the checks only it can make (the theme and venue exist, the venue holds that many, the
/// places already taken, not in the past), so that no caller gets past them.
/// </summary>
/// <remarks>
/// A new rule is one line here (in <see cref="Check"/> or the method for its part of the form), and both sides have it;
/// a new check for every text field is one line in <see cref="TextRule.Check"/>.
/// </remarks>
public static class EventRules
{
    public static readonly TextRule Title = new(nameof(EventInput.Title), Event.TitleMaxLength, Required: true);
    public static readonly TextRule Summary = new(nameof(EventInput.Summary), Event.SummaryMaxLength, Required: true, MultiLine: true);
    public static readonly TextRule Description = new(nameof(EventInput.DescriptionMarkdown), Event.DescriptionMaxLength, Required: true, MultiLine: true);
    public static readonly TextRule Question = new(nameof(EventInput.Question), Event.QuestionMaxLength);
    public static readonly TextRule PlaceName = new(nameof(EventInput.PlaceName), Event.PlaceMaxLength, Required: true);
    public static readonly TextRule PlaceAddress = new(nameof(EventInput.PlaceAddress), Event.PlaceMaxLength);
    public static readonly TextRule OnlineUrl = new(nameof(EventInput.OnlineUrl), Event.OnlineUrlMaxLength, Required: true, TextFormat.WebAddress);
    public static readonly RangeRule Capacity = new(nameof(EventInput.Capacity), 1, Event.MaxCapacity);
    public static readonly RangeRule MaxCompanions = new(nameof(EventInput.MaxCompanions), 0, Event.MaxCompanionsLimit);
    public static readonly RangeRule ReminderHoursBefore = new(nameof(EventInput.ReminderHoursBefore), 1, Event.MaxReminderHours);

    /// <summary>Every broken rule, in form order. Text is judged trimmed; place fields only for their location kind.</summary>
    /// <param name="unknown">
    /// Fields whose value could not be read (a form's time that is not a time): rules that read them are skipped,
    /// since the form already says what is wrong with them.
    /// </param>
    public static IReadOnlyList<EventInputError> Check(EventInput i, IReadOnlySet<string>? unknown = null)
    {
        var errors = new Errors(unknown);
        errors.Text(Title, i.Title);
        errors.Text(Summary, i.Summary);
        errors.Text(Description, i.DescriptionMarkdown);
        if (!Enum.IsDefined(i.Audience))
        {
            errors.Add(nameof(EventInput.Audience), EventInputErrors.OutOfRange);
        }
        if (i.EndsAt <= i.StartsAt)
        {
            errors.Add(nameof(EventInput.EndsAt), EventInputErrors.EndBeforeStart, nameof(EventInput.StartsAt));
        }
        CheckPlace(i, errors);
        if (i.OrganisationId is null)
        {
            errors.Add(nameof(EventInput.OrganisationId), EventInputErrors.Required);
        }
        errors.Range(Capacity, i.Capacity);
        CheckRegistrationWindow(i, errors);
        errors.Range(MaxCompanions, i.MaxCompanions);
        errors.Text(Question, i.Question);
        errors.Range(ReminderHoursBefore, i.ReminderHoursBefore);
        return errors.List;
    }

    /// <summary>The place fields of the location kind chosen.</summary>
    private static void CheckPlace(EventInput i, Errors errors)
    {
        const string kind = nameof(EventInput.LocationKind);
        switch (i.LocationKind)
        {
            case EventLocationKind.Venue when i.VenueId is null:
                errors.Add(nameof(EventInput.VenueId), EventInputErrors.Required, kind);
                break;
            case EventLocationKind.Venue:
                break;
            case EventLocationKind.Elsewhere:
                errors.Text(PlaceName, i.PlaceName, kind);
                errors.Text(PlaceAddress, i.PlaceAddress, kind);
                break;
            case EventLocationKind.Online:
                errors.Text(OnlineUrl, i.OnlineUrl, kind);
                break;
            default:
                errors.Add(kind, EventInputErrors.OutOfRange);
                break;
        }
    }

    /// <summary>Registration opens before the start and before it closes; it closes at the latest when the event ends (no closing time = when it starts).</summary>
    private static void CheckRegistrationWindow(EventInput i, Errors errors)
    {
        const string opens = nameof(EventInput.RegistrationOpensAt), closes = nameof(EventInput.RegistrationClosesAt);
        if (i.RegistrationOpensAt >= i.StartsAt)
        {
            errors.Add(opens, EventInputErrors.RegistrationWindow, nameof(EventInput.StartsAt));
        }
        if (i.RegistrationClosesAt > i.EndsAt)
        {
            errors.Add(closes, EventInputErrors.RegistrationWindow, nameof(EventInput.EndsAt));
        }
        else if (i.RegistrationOpensAt >= i.RegistrationClosesAt)
        {
            errors.Add(closes, EventInputErrors.RegistrationWindow, opens);
        }
    }

    /// <summary>The broken rules so far; a rule that reads a field of unknown value is left out.</summary>
    private sealed class Errors(IReadOnlySet<string>? unknown)
    {
        public List<EventInputError> List { get; } = [];

        public void Add(string field, string code, params string[] reads)
        {
            if (unknown is null || (!unknown.Contains(field) && !reads.Any(unknown.Contains)))
            {
                List.Add(new EventInputError(field, code));
            }
        }

        public void Text(TextRule rule, string? value, params string[] reads)
        {
            if (rule.Check(value) is { } code)
            {
                Add(rule.Field, code, reads);
            }
        }

        public void Range(RangeRule rule, int? value)
        {
            if (rule.Check(value) is { } code)
            {
                Add(rule.Field, code);
            }
        }
    }

    /// <summary>The number a message about <paramref name="field"/> names: the most characters, or the highest value allowed.</summary>
    public static int? LimitOf(string field) =>
        new[] { Title, Summary, Description, Question, PlaceName, PlaceAddress, OnlineUrl }
            .FirstOrDefault(r => r.Field == field)?.MaxLength
        ?? new[] { Capacity, MaxCompanions, ReminderHoursBefore }.FirstOrDefault(r => r.Field == field)?.Max;
}
