using Bylab.Core.Common;

namespace Bylab.Core.Events;

/// <summary>
/// The rules of an event's fields that need neither the database nor the clock. The web form's validator runs
/// exactly these (and shows them on the right field in the person's language); <see cref="EventService"/> runs
/// them again, with the checks only it can make (the theme and venue exist, the venue holds that many, the
/// places already taken, not in the past), so that no caller gets past them.
/// </summary>
/// <remarks>A new rule is one line in <see cref="Check"/>, and both sides have it.</remarks>
public static class EventRules
{
    public static readonly TextRule Title = new(nameof(EventInput.Title), Event.TitleMaxLength, Required: true);
    public static readonly TextRule Summary = new(nameof(EventInput.Summary), Event.SummaryMaxLength, Required: true);
    public static readonly TextRule Description = new(nameof(EventInput.DescriptionMarkdown), Event.DescriptionMaxLength, Required: true);
    public static readonly TextRule OrganiserName = new(nameof(EventInput.OrganiserName), Event.OrganiserNameMaxLength, Required: true);
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
        var errors = new List<EventInputError>();
        void Add(string field, string code, params string[] reads)
        {
            if (unknown is null || (!unknown.Contains(field) && !reads.Any(unknown.Contains)))
            {
                errors.Add(new EventInputError(field, code));
            }
        }
        void Text(TextRule rule, string? value, params string[] reads)
        {
            if (rule.Check(value) is { } code)
            {
                Add(rule.Field, code, reads);
            }
        }
        void Range(RangeRule rule, int? value)
        {
            if (rule.Check(value) is { } code)
            {
                Add(rule.Field, code);
            }
        }
        const string start = nameof(EventInput.StartsAt), end = nameof(EventInput.EndsAt), kind = nameof(EventInput.LocationKind),
            opens = nameof(EventInput.RegistrationOpensAt), closes = nameof(EventInput.RegistrationClosesAt);

        Text(Title, i.Title);
        Text(Summary, i.Summary);
        Text(Description, i.DescriptionMarkdown);
        if (!Enum.IsDefined(i.Audience))
        {
            Add(nameof(EventInput.Audience), EventInputErrors.OutOfRange);
        }
        if (i.EndsAt <= i.StartsAt)
        {
            Add(end, EventInputErrors.EndBeforeStart, start);
        }
        switch (i.LocationKind)
        {
            case EventLocationKind.Venue when i.VenueId is null:
                Add(nameof(EventInput.VenueId), EventInputErrors.Required, kind);
                break;
            case EventLocationKind.Venue:
                break;
            case EventLocationKind.Elsewhere:
                Text(PlaceName, i.PlaceName, kind);
                Text(PlaceAddress, i.PlaceAddress, kind);
                break;
            case EventLocationKind.Online:
                Text(OnlineUrl, i.OnlineUrl, kind);
                break;
            default:
                Add(kind, EventInputErrors.OutOfRange);
                break;
        }
        Text(OrganiserName, i.OrganiserName);
        Range(Capacity, i.Capacity);
        // Registration opens before the start, and before it closes; it closes at the latest when the event ends
        // (no closing time = when it starts).
        if (i.RegistrationOpensAt >= i.StartsAt)
        {
            Add(opens, EventInputErrors.RegistrationWindow, start);
        }
        if (i.RegistrationClosesAt > i.EndsAt)
        {
            Add(closes, EventInputErrors.RegistrationWindow, end);
        }
        else if (i.RegistrationOpensAt >= i.RegistrationClosesAt)
        {
            Add(closes, EventInputErrors.RegistrationWindow, opens);
        }
        Range(MaxCompanions, i.MaxCompanions);
        Text(Question, i.Question);
        Range(ReminderHoursBefore, i.ReminderHoursBefore);
        return errors;
    }

    /// <summary>The number a message about <paramref name="field"/> names: the most characters, or the highest value allowed.</summary>
    public static int? LimitOf(string field) =>
        new[] { Title, Summary, Description, OrganiserName, Question, PlaceName, PlaceAddress, OnlineUrl }
            .FirstOrDefault(r => r.Field == field)?.MaxLength
        ?? new[] { Capacity, MaxCompanions, ReminderHoursBefore }.FirstOrDefault(r => r.Field == field)?.Max;
}
