using System.Globalization;
using Bylab.Core.Bookings;
using Bylab.Core.Common;
using Bylab.Core.Time;
using Bylab.Web.Features.Bookings;
using Bylab.Web.Features.Organise;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Bookings;

/// <summary>What the municipality lends, for its accounts: the year's figures per month, organisation and space, and the detail as CSV.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/bookinger")]
public sealed class BookingStatisticsController(BookingStatistics statistics, TimeProvider time, IStringLocalizer<BookingsResource> l) : Controller
{
    [HttpGet("statistikk")]
    public async Task<IActionResult> Index([FromQuery(Name = "ar")] int? year, CancellationToken ct) =>
        View("Statistics", await statistics.ForYearAsync(Year(year), ct));

    [HttpGet("statistikk.csv")]
    public async Task<IActionResult> Csv([FromQuery(Name = "ar")] int? year, CancellationToken ct)
    {
        var report = await statistics.ForYearAsync(Year(year), ct);
        Response.Headers.CacheControl = "no-store";
        return File(Write(report), "text/csv; charset=utf-8", $"bylab-utlan-{report.Year}.csv");
    }

    private int Year(int? year) => year is >= 2000 and <= 2100 ? year.Value : OsloTime.ToOslo(time.GetUtcNow().UtcDateTime).Year;

    /// <summary>One row per month, organisation and space; the participants CSV's format (BOM, semicolons, formula injection escaped).</summary>
    private byte[] Write(BookingStatisticsReport report)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, ParticipantCsv.Options, leaveOpen: true))
        {
            csv.WriteRecord(Headers.Select(h => l["Csv." + h].Value).ToArray());
            foreach (var r in report.Rows)
            {
                var f = r.Figures;
                csv.WriteRecord(
                [
                    r.Year.ToString(CultureInfo.InvariantCulture),
                    r.Month.ToString("00", CultureInfo.InvariantCulture),
                    SingleLineText.Flatten(r.Organisation),
                    SingleLineText.Flatten(r.Space),
                    Number(f.BookedHours),
                    Number(f.UsedHours),
                    Number(f.UtilisationPercent),
                    f.Bookings.ToString(CultureInfo.InvariantCulture),
                    f.Cancellations.ToString(CultureInfo.InvariantCulture),
                    f.LateCancellations.ToString(CultureInfo.InvariantCulture),
                ]);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Decimal comma in Norwegian, as the person's spreadsheet expects.</summary>
    private static string Number(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    private static readonly string[] Headers = ["Year", "Month", "Organisation", "Space", "BookedHours", "UsedHours", "Utilisation", "Bookings", "Cancellations", "LateCancellations"];
}
