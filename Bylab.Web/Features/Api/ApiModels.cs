using System.ComponentModel;
using Bylab.Core.Bookings;
using Bylab.Core.Events;
using Bylab.Core.Ideas;

namespace Bylab.Web.Features.Api;

// What the API shows, field by field: public fields only. No e-mail addresses or account ids; a person appears only by
// the display name the site shows beside their writing (null when they deleted their account). Times are UTC (ISO 8601).

[Description("A theme of the strategy «Hamar mot 2030».")]
public sealed record ApiTheme(int Id, string Slug, string Title);

[Description("A consultation (medvirkning): a question the municipality asks for a period.")]
public sealed record ApiConsultation(
    int Id, string Slug, string Title, ApiTheme Theme,
    DateTime OpensAt, DateTime IdeasCloseAt, DateTime ClosesAt, DateTime? ConcludedAt,
    [property: Description("upcoming, openForIdeas, votingOnly, closed or concluded, at the time of the answer.")] string Phase,
    [property: Description("Ideas shown in lists (visible, not withdrawn, not merged).")] int IdeaCount,
    int VoteCount, string Url)
{
    [Description("The description as Markdown (only in the single consultation).")]
    public string? DescriptionMarkdown { get; init; }

    [Description("Votes each person has in the consultation; null = no limit (only in the single consultation).")]
    public int? MaxVotesPerPerson { get; init; }

    [Description("Only accounts verified with an eID (ID-porten) may vote (only in the single consultation).")]
    public bool? RequiresVerifiedAccount { get; init; }
}

public sealed record ApiRef(int Id, string Slug, string Title);

[Description("An idea as lists show it.")]
public sealed record ApiIdea(
    int Id, string Slug, string Title,
    [property: Description("The start of the text, Markdown removed, about 200 characters.")] string Excerpt,
    ApiTheme Theme, ApiRef Consultation,
    [property: Description("The author's display name as the site shows it; null after the account was deleted.")] string? AuthorName,
    string? PlaceName,
    [property: Description("new, underConsideration, accepted, rejected or implemented.")] string Status,
    int VoteCount, int CommentCount, DateTime CreatedAt,
    [property: Description("When the municipality answered officially; null = not yet.")] DateTime? AnsweredAt,
    string Url);

[Description("One idea with its text, official answer and public comments.")]
public sealed record ApiIdeaDetails(
    int Id, string Slug, string Title, string BodyMarkdown, string? PlaceName, ApiTheme Theme, ApiRef Consultation,
    string? AuthorName, string Status, int VoteCount, int CommentCount, DateTime CreatedAt, DateTime? EditedAt,
    [property: Description("Codes of the roadmap principles the idea names.")] IReadOnlyList<string> Principles,
    [property: Description("UN sustainable development goals, 1–17.")] IReadOnlyList<int> Goals,
    ApiAnswer? Answer, IReadOnlyList<ApiComment> Comments, string Url);

[Description("The municipality's official answer.")]
public sealed record ApiAnswer(string Markdown, DateTime? AnsweredAt);

[Description("A public comment; replies are one level deep. A deleted comment keeps its place (deleted = true, no text) when it has replies.")]
public sealed record ApiComment(int Id, string? AuthorName, string? BodyMarkdown, DateTime CreatedAt, DateTime? EditedAt, bool Deleted,
    IReadOnlyList<ApiComment> Replies);

[Description("An event in the programme (published, not ended; cancelled ones stay with status cancelled).")]
public sealed record ApiEvent(
    int Id, string Slug, string Title, string Summary, DateTime StartsAt, DateTime EndsAt,
    [property: Description("published or cancelled.")] string Status,
    [property: Description("venue, elsewhere or online.")] string LocationKind,
    string LocationText, string OrganiserName, ApiTheme? Theme,
    [property: Description("everyone, youth, families, seniors, business or professionals.")] string Audience,
    int Capacity,
    [property: Description("Places not held by confirmed sign-ups (companions counted).")] int PlacesLeft,
    int WaitlistCount, string Url);

[Description("A slot of the venue's public calendar: bookings open to the public and the events held in them.")]
public sealed record ApiVenueSlot(int BookingId, string Title, string Space, string Organisation, DateTime StartsAt, DateTime EndsAt, bool IsEvent);

internal static class ApiNames
{
    public static string Of<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static readonly IReadOnlyDictionary<string, IdeaSort> Sorts = new Dictionary<string, IdeaSort>
    {
        ["newest"] = IdeaSort.Newest, ["votes"] = IdeaSort.MostVotes, ["discussed"] = IdeaSort.MostDiscussed, ["trending"] = IdeaSort.Trending,
    };

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (Of(v) == text)
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static ApiVenueSlot Slot(FeedBooking b) => new(b.Id, b.Title, b.SpaceName, b.OrganisationName, b.StartsAt, b.EndsAt, b.IsEvent);

    public static ApiEvent Event(EventListItem e, Func<int?, ApiTheme?> theme, PublicUrls urls) => new(
        e.Id, e.Slug, e.Title, e.Summary, e.StartsAt, e.EndsAt, Of(e.Status), Of(e.LocationKind), e.LocationText, e.OrganiserName,
        theme(e.ThemeId), Of(e.Audience), e.Capacity, e.PlacesLeft, e.WaitlistCount, urls.Absolute(Events.EventPaths.Event(e.Slug)));
}
