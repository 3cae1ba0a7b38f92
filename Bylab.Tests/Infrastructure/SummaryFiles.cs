using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;

namespace Bylab.Tests.Infrastructure;

/// <summary>A summary's downloads read back with real parsers: CsvHelper, the Open XML SDK, PdfPig.</summary>
public static class SummaryFiles
{
    /// <summary>Header row first, then one row per idea.</summary>
    public static List<string[]> Csv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        rows.Insert(0, reader.Headers.ToArray());
        return rows;
    }

    /// <summary>Every row of the first sheet as text; <paramref name="formulas"/> counts cells that hold a formula.</summary>
    public static List<string[]> Xlsx(byte[] bytes, out int formulas)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
        formulas = sheet.Descendants<CellFormula>().Count();
        return sheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }

    /// <summary>The PDF's text, page after page, and whether every font in it is embedded.</summary>
    public static (string Text, bool FontsEmbedded, int Pages) Pdf(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        var lines = new List<string>();
        foreach (var page in pages)
        {
            lines.AddRange(page.GetWords()
                .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
                .OrderByDescending(g => g.Key)
                .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))));
        }
        var text = string.Join("\n", lines);
        var embedded = pages.SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().All(f => f is not null);
        return (text, embedded, pages.Count);
    }
}
