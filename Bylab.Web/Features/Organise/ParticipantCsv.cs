using System.Globalization;
using Bylab.Core.Common;
using Bylab.Core.Events;
using Bylab.Core.Time;
using CsvHelper;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Organise;

/// <summary>
/// The participant list as a file Norwegian Excel opens as it is: UTF-8 with a byte order mark (or æøå break),
/// semicolons between cells, headers in the person's language. A cell that begins with = + - @ (or a tab or
/// carriage return) is prefixed with an apostrophe, so a name like «=HYPERLINK(...)» stays text (CSV injection).
/// </summary>
public static class ParticipantCsv
{
    public static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
    };

    public static byte[] Write(IReadOnlyList<ParticipantRow> rows, IStringLocalizer<OrganiseResource> l)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteRecord(Headers.Select(h => l["Csv." + h].Value).ToArray());
            foreach (var r in rows)
            {
                // Every cell on one line: a stored line break would start a new row in many spreadsheet imports.
                csv.WriteRecord(
                [
                    SingleLineText.Flatten(r.Name),
                    SingleLineText.Flatten(r.Email),
                    l["RegistrationStatus." + r.Status].Value,
                    r.WaitlistPosition?.ToString(CultureInfo.InvariantCulture) ?? "",
                    r.Companions.ToString(CultureInfo.InvariantCulture),
                    SingleLineText.Flatten(r.Needs),
                    SingleLineText.Flatten(r.Answer),
                    r.CheckInCode,
                    Oslo(r.CreatedAt),
                    r.CheckedInAt is { } at ? Oslo(at) : "",
                ]);
            }
        }
        return stream.ToArray();
    }

    private static readonly string[] Headers = ["Name", "Email", "Status", "WaitlistPosition", "Companions", "Needs", "Answer", "Code", "SignedUp", "CheckedIn"];

    private static string Oslo(DateTime utc) => OsloTime.ToOslo(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
