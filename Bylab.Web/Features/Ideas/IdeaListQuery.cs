using Bylab.Core.Common;
using Bylab.Core.Ideas;

namespace Bylab.Web.Features.Ideas;

/// <summary>
/// The list filters as they appear in the address (/ideer?tema=...&amp;sorter=stemmer), in Norwegian words:
/// links are shared, so they should read well. Unknown values are ignored rather than refused.
/// </summary>
public sealed class IdeaListQuery
{
    public string? Medvirkning { get; set; }
    public string? Tema { get; set; }
    public string? Status { get; set; }
    public string? Prinsipp { get; set; }
    public int? Mal { get; set; }
    public string? Q { get; set; }
    public string? Sorter { get; set; }
    public int Side { get; set; } = 1;

    public const int SearchMaxLength = 200;

    public static readonly IReadOnlyDictionary<string, IdeaSort> Sorts = new Dictionary<string, IdeaSort>
    {
        ["nyeste"] = IdeaSort.Newest,
        ["stemmer"] = IdeaSort.MostVotes,
        ["diskutert"] = IdeaSort.MostDiscussed,
        ["populaert"] = IdeaSort.Trending,
    };

    public static readonly IReadOnlyDictionary<string, IdeaStatus> Statuses = new Dictionary<string, IdeaStatus>
    {
        ["ny"] = IdeaStatus.New,
        ["vurderes"] = IdeaStatus.UnderConsideration,
        ["vedtatt"] = IdeaStatus.Accepted,
        ["avslatt"] = IdeaStatus.Rejected,
        ["gjennomfort"] = IdeaStatus.Implemented,
    };

    public IdeaSort Sort => Sorter is not null && Sorts.TryGetValue(Sorter, out var s) ? s : IdeaSort.Newest;
    public IdeaStatus? StatusValue => Status is not null && Statuses.TryGetValue(Status, out var s) ? s : null;
    public string? Principle => RoadmapPrinciples.IsKnown(Prinsipp) ? Prinsipp : null;
    public int? Goal => Mal is { } g && SustainableDevelopmentGoals.IsKnown(g) ? g : null;
    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim() is { Length: > SearchMaxLength } q ? q[..SearchMaxLength] : Q.Trim();

    public IdeaFilter ToFilter(int? consultationId, int? themeId) =>
        new(consultationId, themeId, StatusValue, Principle, Goal, Search, Sort, Paged<IdeaListItem>.Clamp(Side));

    /// <summary>The address of another page of the same list, filters kept.</summary>
    public string Href(string path, int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["medvirkning"] = Medvirkning, ["tema"] = Tema, ["status"] = StatusValue is null ? null : Status,
            ["prinsipp"] = Principle, ["mal"] = Goal?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["q"] = Search, ["sorter"] = Sorter is not null && Sorts.ContainsKey(Sorter) ? Sorter : null,
            ["side"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    /// <summary>How many of the filter and sort choices differ from the plain list: the folded filter control says so.</summary>
    public int ChoicesMade =>
        new object?[] { Medvirkning, Tema, StatusValue, Principle, Goal, Search, Sorter is not null && Sorts.ContainsKey(Sorter) && Sort != IdeaSort.Newest ? Sorter : null }
            .Count(v => v is not null);

    public bool HasFilters => Medvirkning is not null || Tema is not null || StatusValue is not null || Principle is not null || Goal is not null || Search is not null;

    public static string StatusSlug(IdeaStatus status) => Statuses.First(s => s.Value == status).Key;
}

/// <summary>A list of ideas with the choices its filter form offers.</summary>
/// <param name="Consultation">Set when the list is one consultation's (its page); the consultation filter is then hidden.</param>
public sealed record IdeaListModel(
    IdeaListQuery Query,
    Paged<IdeaListItem> Ideas,
    IReadOnlyList<ConsultationChoice> Consultations,
    IReadOnlyList<Theme> Themes,
    ConsultationDetails? Consultation = null);
