using System.Globalization;
using Bylab.Core.Common;
using Bylab.Core.Summaries;
using Bylab.Core.Time;
using Bylab.Web.Features.Ideas;
using Bylab.Web.Features.Organise;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Summaries;

/// <summary>
/// A consultation's ideas as CSV (the participants CSV's format: BOM, semicolons) and XLSX, headers in the reader's
/// language, no personal data. A cell that begins with = + - @ (or a tab or carriage return) gets an apostrophe in front,
/// in both files, so a title like «=HYPERLINK(...)» stays text in any spreadsheet (formula injection).
/// </summary>
public sealed class IdeaFiles(IStringLocalizer<SummariesResource> l, IStringLocalizer<IdeasResource> ideas)
{
    private static readonly string[] Headers = ["Id", "Title", "Theme", "Principles", "Goals", "Votes", "Comments", "Status", "Answer", "Submitted", "Answered"];

    public byte[] Csv(IReadOnlyList<ExportIdea> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, ParticipantCsv.Options, leaveOpen: true))
        {
            csv.WriteRecord(Headers.Select(h => l["Export." + h].Value).ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(Cells(row).Select(c => c.Text).ToArray());
            }
        }
        return stream.ToArray();
    }

    public byte[] Xlsx(IReadOnlyList<ExportIdea> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.AppendChild(new Row(Headers.Select(h => TextCell(l["Export." + h].Value))));
            foreach (var row in rows)
            {
                data.AppendChild(new Row(Cells(row).Select(c => c.Number is { } n ? NumberCell(n) : TextCell(Neutralised(c.Text)))));
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = l["Export.SheetName"].Value }));
        }
        return stream.ToArray();
    }

    /// <summary>What CsvHelper's <see cref="CsvInjection.Escape"/> does, for the XLSX cells.</summary>
    public static string Neutralised(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static Cell TextCell(string text) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };

    private static Cell NumberCell(int n) => new() { DataType = CellValues.Number, CellValue = new CellValue(n) };

    private IEnumerable<(string Text, int? Number)> Cells(ExportIdea r)
    {
        (string, int?) Num(int n) => (n.ToString(CultureInfo.InvariantCulture), n);
        (string, int?) Txt(string? s) => (SingleLineText.Flatten(s), null);
        yield return Num(r.Id);
        yield return Txt(r.Title);
        yield return Txt(r.Theme);
        yield return Txt(string.Join(", ", r.Principles.Select(p => ideas["Principle." + p].Value)));
        yield return Txt(string.Join(", ", r.Goals));
        yield return Num(r.Votes);
        yield return Num(r.Comments);
        yield return Txt(ideas["Status." + r.Status].Value);
        yield return Txt(r.Answer is null ? null : Markdig.Markdown.ToPlainText(r.Answer).Trim());
        yield return Txt(Oslo(r.CreatedAt));
        yield return Txt(r.AnsweredAt is { } a ? Oslo(a) : null);
    }

    private static string Oslo(DateTime utc) => OsloTime.ToOslo(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
