using System.Globalization;
using System.Reflection;
using Bylab.Core.Summaries;
using Bylab.Web.Features.Ideas;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Bylab.Web.Features.Summaries;

/// <summary>
/// The summary as an A4 PDF for a political meeting's case papers: the same figures as the page, in the reader's language,
/// the conclusion as plain text, with DejaVu Sans embedded from this assembly (æ, ø, å; never the machine's fonts).
/// </summary>
public sealed class SummaryPdf(IStringLocalizer<SummariesResource> l, IStringLocalizer<IdeasResource> ideas)
{
    static SummaryPdf() => EmbeddedFonts.Install();

    public byte[] Write(ConsultationSummaryReport report)
    {
        var h = report.Head;
        var p = report.Participation;
        var a = report.Answers;
        var document = new PdfDocument();
        document.Info.Title = l["Summary.Title", h.Title].Value;
        var pdf = new PdfText(document);
        pdf.Heading(l["Summary.Title", h.Title].Value, 16);
        pdf.Paragraph(l["Summary.Period", Display.Date(h.OpensAt), Display.Date(h.ClosesAt)].Value + " "
            + (h.IsPublished ? l["Summary.Published"] : l["Summary.Draft"]).Value);

        pdf.Heading(l["Summary.Conclusion"].Value);
        pdf.Paragraph(string.IsNullOrWhiteSpace(report.ConclusionMarkdown) ? l["Summary.NoConclusion"].Value
            : Markdig.Markdown.ToPlainText(report.ConclusionMarkdown).Trim());

        pdf.Heading(l["Summary.Participation"].Value);
        Figure(pdf, "Figure.Ideas", p.Ideas);
        Figure(pdf, "Figure.Comments", p.Comments);
        Figure(pdf, "Figure.Votes", p.Votes);
        Figure(pdf, "Figure.Participants", p.Participants);
        Figure(pdf, "Figure.Registered", p.Registered);
        Figure(pdf, "Figure.Attended", p.Attended);

        pdf.Heading(l["Summary.Answers"].Value);
        Figure(pdf, "Figure.Answered", a.Answered);
        pdf.Line($"{ideas["Status.Accepted"].Value}: {a.Accepted}");
        pdf.Line($"{ideas["Status.Rejected"].Value}: {a.Rejected}");
        pdf.Line($"{ideas["Status.UnderConsideration"].Value}: {a.UnderConsideration}");
        pdf.Line($"{ideas["Status.Implemented"].Value}: {a.Implemented}");
        pdf.Line($"{l["Figure.MedianAnswer"].Value}: " + (a.MedianTimeToAnswer is { } m
            ? l["Summary.Days", Math.Round(m.TotalDays, 1).ToString("0.#", CultureInfo.CurrentCulture)].Value : l["Figure.NoAnswers"].Value));

        Breakdown(pdf, l["Breakdown.Theme"].Value, report.ByTheme.Select(r => (r.Key, r)));
        Breakdown(pdf, l["Breakdown.Principle"].Value, report.ByPrinciple.Select(r => (ideas["Principle." + r.Key].Value, r)));
        Breakdown(pdf, l["Breakdown.Goal"].Value, report.ByGoal.Select(r => (r.Key + " " + ideas["Goal." + r.Key].Value, r)));

        pdf.Heading(l["Summary.Demographics"].Value);
        pdf.Paragraph(l["Summary.DemographicsNote", report.Demographics.Told].Value);
        Groups(pdf, l["Breakdown.Age"].Value, "AgeGroup.", report.Demographics.ByAge);
        Groups(pdf, l["Breakdown.Part"].Value, "MunicipalityPart.", report.Demographics.ByPart);

        pdf.Heading(l["Summary.TopByVotes"].Value);
        TopIdeas(pdf, report.TopByVotes);
        pdf.Heading(l["Summary.TopByComments"].Value);
        TopIdeas(pdf, report.TopByComments);

        pdf.Heading(l["Summary.Words"].Value);
        pdf.Paragraph(string.Join(", ", report.Words.Select(w => $"{w.Word} ({w.Ideas})")));
        pdf.Heading(l["Summary.Phrases"].Value);
        pdf.Paragraph(string.Join(", ", report.Phrases.Select(w => $"{w.Word} ({w.Ideas})")));

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void Figure(PdfText pdf, string key, int value) => pdf.Line($"{l[key].Value}: {value}");

    private void Breakdown(PdfText pdf, string title, IEnumerable<(string Label, BreakdownRow Row)> rows)
    {
        pdf.Heading(title);
        pdf.Line($"{title} – {l["Figure.Ideas"].Value} / {l["Figure.Votes"].Value} / {l["Figure.Comments"].Value}", bold: true);
        foreach (var (label, row) in rows)
        {
            pdf.Line($"{label}: {row.Ideas} / {row.Votes} / {row.Comments}");
        }
    }

    private void Groups(PdfText pdf, string title, string prefix, IReadOnlyList<GroupCount> groups)
    {
        pdf.Line(title, bold: true);
        foreach (var g in groups)
        {
            pdf.Line($"{l["Group." + (g.Key == Demographics.Other ? "Other" : prefix + g.Key)].Value}: {g.People}");
        }
    }

    private void TopIdeas(PdfText pdf, IReadOnlyList<TopIdea> top)
    {
        var n = 1;
        foreach (var idea in top)
        {
            pdf.Paragraph($"{n++}. {idea.Title} – {l["Summary.IdeaCounts", idea.Votes, idea.Comments].Value} – {ideas["Status." + idea.Status].Value}", bold: true);
            if (!string.IsNullOrWhiteSpace(idea.AnswerMarkdown))
            {
                pdf.Paragraph(Markdig.Markdown.ToPlainText(idea.AnswerMarkdown).Trim(), indent: 14);
            }
        }
    }
}

/// <summary>Writes lines and wrapped paragraphs down A4 pages, starting a new page when one is full.</summary>
internal sealed class PdfText
{
    private const double Margin = 50;
    private readonly PdfDocument _document;
    private XGraphics _gfx = null!;
    private double _y;
    private double _width;
    private double _bottom;

    public PdfText(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    private static XFont Font(double size, bool bold) => new(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public void Heading(string text, double size = 12.5)
    {
        _y += size * 0.6;
        Paragraph(text, bold: true, size: size);
    }

    public void Line(string text, bool bold = false) => Paragraph(text, bold);

    public void Paragraph(string text, bool bold = false, double size = 10, double indent = 0)
    {
        var font = Font(size, bold);
        var lineHeight = size * 1.35;
        foreach (var block in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var word in block.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _gfx.MeasureString(candidate, font).Width > _width - indent)
                {
                    Draw(line, font, lineHeight, indent);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            Draw(line, font, lineHeight, indent);
        }
        _y += size * 0.3;
    }

    private void Draw(string line, XFont font, double lineHeight, double indent)
    {
        if (_y + lineHeight > _bottom)
        {
            NewPage();
        }
        _gfx.DrawString(line, font, XBrushes.Black, Margin + indent, _y, XStringFormats.TopLeft);
        _y += lineHeight;
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
        _width = page.Width.Point - 2 * Margin;
        _bottom = page.Height.Point - Margin;
    }
}

/// <summary>PDFsharp's font resolver: DejaVu Sans (regular, bold) from this assembly's resources.</summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();

    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Bylab.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in Bylab.Web.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
