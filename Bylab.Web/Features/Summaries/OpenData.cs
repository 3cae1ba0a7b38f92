using System.Text.Json;
using System.Text.Json.Serialization;
using Bylab.Core.Common;
using Bylab.Core.Summaries;

namespace Bylab.Web.Features.Summaries;

/// <summary>
/// The open-data file of a consultation (format «bylab-consultation/1»): the summary's figures and its ideas, without
/// personal data, under the licence staff chose. Every field is described on <see cref="DocumentationPath"/>; a field
/// added here gets its line there (OpenDataTests checks that the two agree).
/// </summary>
public static class OpenData
{
    public const string Format = "bylab-consultation/1";
    public const string DocumentationPath = "/apne-data/medvirkning";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static (string Id, string Name, string Url) Licence(OpenDataLicence licence) => licence switch
    {
        OpenDataLicence.CcBy40 => ("CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
        _ => ("NLOD-2.0", "Norsk lisens for offentlige data (NLOD) 2.0", "https://data.norge.no/nlod/no/2.0"),
    };

    public static object Document(ConsultationSummaryReport report, IReadOnlyList<ExportIdea> ideas, SiteOptions site)
    {
        var h = report.Head;
        var p = report.Participation;
        var a = report.Answers;
        var (id, name, url) = Licence(report.Licence);
        return new
        {
            format = Format,
            documentation = site.Link(DocumentationPath),
            licence = new { id, name, url },
            publisher = "Hamar kommune",
            consultation = new
            {
                h.Id, h.Slug, h.Title, theme = h.ThemeTitle, h.OpensAt, h.IdeasCloseAt, h.ClosesAt, h.ConcludedAt,
                url = site.Link(SummaryAccess.Path(h.Slug)), conclusionMarkdown = report.ConclusionMarkdown,
            },
            figures = new
            {
                p.Ideas, p.Comments, p.Votes, p.Participants, eventRegistered = p.Registered, eventAttended = p.Attended,
                a.Answered, a.Accepted, a.Rejected, a.UnderConsideration, a.Implemented,
                medianDaysToAnswer = a.MedianTimeToAnswer is { } m ? Math.Round(m.TotalDays, 2) : (double?)null,
            },
            ideas = ideas.Select(i => new
            {
                i.Id, title = SingleLineText.Flatten(i.Title), i.Theme, i.Principles, i.Goals, i.Votes, i.Comments, status = i.Status.ToString(),
                answerMarkdown = i.Answer, submittedAt = i.CreatedAt, i.AnsweredAt, url = site.Link("/ideer/" + Uri.EscapeDataString(Bylab.Core.Ideas.Slugs.WithId(i.Title, i.Id))),
            }),
        };
    }

    /// <summary>The documented fields, in the file's order: the page lists each with its description ("OpenData.Field.{name}").</summary>
    public static readonly string[] Fields =
    [
        "format", "documentation", "licence.id", "licence.name", "licence.url", "publisher",
        "consultation.id", "consultation.slug", "consultation.title", "consultation.theme", "consultation.opensAt", "consultation.ideasCloseAt",
        "consultation.closesAt", "consultation.concludedAt", "consultation.url", "consultation.conclusionMarkdown",
        "figures.ideas", "figures.comments", "figures.votes", "figures.participants", "figures.eventRegistered", "figures.eventAttended",
        "figures.answered", "figures.accepted", "figures.rejected", "figures.underConsideration", "figures.implemented", "figures.medianDaysToAnswer",
        "ideas[].id", "ideas[].title", "ideas[].theme", "ideas[].principles", "ideas[].goals", "ideas[].votes", "ideas[].comments",
        "ideas[].status", "ideas[].answerMarkdown", "ideas[].submittedAt", "ideas[].answeredAt", "ideas[].url",
    ];
}
