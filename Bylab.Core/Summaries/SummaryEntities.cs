using Bylab.Core.Events;
using Bylab.Core.Ideas;

namespace Bylab.Core.Summaries;

/// <summary>Staff say an event belonged to a consultation (an open meeting, a workshop); its people count in the summary.</summary>
public class ConsultationEvent
{
    public int ConsultationId { get; set; }
    public Consultation? Consultation { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public DateTime LinkedAt { get; set; }
}

/// <summary>The licence the open-data export of a consultation is published under.</summary>
public enum OpenDataLicence
{
    /// <summary>Norsk lisens for offentlige data 2.0.</summary>
    Nlod20,
    /// <summary>Creative Commons Attribution 4.0.</summary>
    CcBy40,
}

/// <summary>
/// The municipality's «Du sa – vi gjorde» for one consultation: Markdown as staff wrote it (rendered through
/// <see cref="Markdown.MarkdownRenderer"/>), and the licence of its open data. One row per consultation.
/// </summary>
public class ConsultationConclusion
{
    public const int MarkdownMaxLength = 20_000;

    public int ConsultationId { get; set; }
    public string Markdown { get; set; } = "";
    public OpenDataLicence Licence { get; set; } = OpenDataLicence.Nlod20;
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
}
