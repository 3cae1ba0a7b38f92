using System.Reflection;
using Bylab.Core.Events;

namespace Bylab.Tests.Core.Events;

/// <summary>The one mapping between an event and its input (create, edit, copy and the audit's changed fields go through it).</summary>
public sealed class EventInputTests
{
    private static readonly PropertyInfo[] Fields = typeof(EventInput).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    /// <summary>Every field with a value that is not its type's default, so a field the mapping forgets shows.</summary>
    private static Event Stored() => new()
    {
        Title = "Verksted", Summary = "Kort.", DescriptionMarkdown = "Lang.", ThemeId = 7, Audience = EventAudience.Seniors,
        StartsAt = new DateTime(2027, 3, 1, 17, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2027, 3, 1, 19, 0, 0, DateTimeKind.Utc),
        LocationKind = EventLocationKind.Elsewhere, VenueId = 3, SpaceId = 5, PlaceName = "Hamar bibliotek", PlaceAddress = "Strandgata 45",
        OnlineUrl = "https://example.org", OrganisationId = 9, Capacity = 33,
        RegistrationOpensAt = new DateTime(2027, 2, 1, 8, 0, 0, DateTimeKind.Utc), RegistrationClosesAt = new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc),
        MaxCompanions = 4, AskNeeds = true, Question = "Hvorfor?", ReminderHoursBefore = 48,
    };

    [Fact]
    public void EveryFieldOfTheInputIsReadFromTheEventAndWrittenBack()
    {
        var stored = Stored();
        var input = EventInput.From(stored);
        var copy = new Event();
        input.ApplyTo(copy);

        Assert.All(Fields, f =>
        {
            var onEvent = typeof(Event).GetProperty(f.Name)!;
            Assert.NotEqual(DefaultOf(f.PropertyType), f.GetValue(input));
            Assert.Equal(onEvent.GetValue(stored), f.GetValue(input));
            Assert.Equal(onEvent.GetValue(stored), onEvent.GetValue(copy));
        });
    }

    [Fact]
    public void TheChangedFieldsAreExactlyThoseThatDiffer()
    {
        var before = EventInput.From(Stored());
        var after = before with { Title = "Nytt verksted", Capacity = 34, Question = null };

        Assert.Equal([nameof(EventInput.Title), nameof(EventInput.Capacity), nameof(EventInput.Question)], after.ChangedFrom(before));
        Assert.Empty(before.ChangedFrom(EventInput.From(Stored())));
    }

    [Fact]
    public void EditingAPublishedEventRaisesTheSequenceOnlyForTimeOrPlace()
    {
        var ev = Stored();
        ev.Status = EventStatus.Published;
        var now = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var text = ev.Edit(EventInput.From(ev) with { Summary = "Ny omtale." }, now);
        Assert.Equal((false, 0), (text.IsNews, ev.Sequence));
        var place = ev.Edit(EventInput.From(ev) with { PlaceName = "Kulturhuset" }, now);
        Assert.Equal((true, 1, now), (place.IsNews, ev.Sequence, ev.UpdatedAt!.Value));
    }

    private static object? DefaultOf(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
}
