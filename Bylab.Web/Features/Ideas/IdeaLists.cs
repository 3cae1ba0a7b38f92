using System.Security.Claims;
using Bylab.Core.Ideas;

namespace Bylab.Web.Features.Ideas;

internal static class IdeaLists
{
    /// <summary>Reads the filters, resolves the readable slugs to ids and fetches one page of ideas.</summary>
    public static async Task<IdeaListModel> LoadAsync(IdeaQueries queries, IdeaListQuery query, ConsultationDetails? consultation, CancellationToken ct)
    {
        var consultations = await queries.ConsultationChoicesAsync(ct);
        var themes = await queries.ThemesAsync(ct);
        var consultationId = consultation?.Summary.Id ?? consultations.FirstOrDefault(c => c.Slug == query.Medvirkning)?.Id;
        if (consultationId is null)
        {
            query.Medvirkning = null;
        }
        var themeId = themes.FirstOrDefault(t => t.Slug == query.Tema)?.Id;
        if (themeId is null)
        {
            query.Tema = null;
        }
        var ideas = await queries.ListAsync(query.ToFilter(consultationId, themeId), ct);
        return new IdeaListModel(query, ideas, consultations, themes, consultation);
    }
}

internal static class IdeaPaths
{
    public static string Idea(string slugId) => "/ideer/" + Uri.EscapeDataString(slugId);

    public static string Consultation(string slug) => "/medvirkning/" + Uri.EscapeDataString(slug);

    /// <summary>The signed-in person's id; the fallback policy lets only signed-in people reach the actions that ask.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    public static string? UserIdOrNull(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
