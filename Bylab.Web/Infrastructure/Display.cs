using System.Globalization;
using Bylab.Core.Time;
using Microsoft.AspNetCore.Html;
using System.Text.Encodings.Web;

namespace Bylab.Web;

/// <summary>How dates and times are shown: always Europe/Oslo, in the person's language.</summary>
public static class Display
{
    public static string DateTime(DateTime utc)
    {
        var oslo = OsloTime.ToOslo(utc);
        var culture = CultureInfo.CurrentCulture;
        return culture.TwoLetterISOLanguageName == "en"
            ? oslo.ToString("d MMMM yyyy, HH:mm", culture)
            : oslo.ToString("d. MMMM yyyy 'kl.' HH:mm", culture);
    }

    public static string Date(DateTime utc)
    {
        var oslo = OsloTime.ToOslo(utc);
        var culture = CultureInfo.CurrentCulture;
        return oslo.ToString(culture.TwoLetterISOLanguageName == "en" ? "d MMMM yyyy" : "d. MMMM yyyy", culture);
    }

    /// <summary>A &lt;time&gt; element with the machine-readable instant and the Oslo wall-clock text.</summary>
    public static IHtmlContent Time(DateTime utc, bool withTime = true)
    {
        var iso = System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var text = withTime ? DateTime(utc) : Date(utc);
        return new HtmlString($"<time datetime=\"{iso}\">{HtmlEncoder.Default.Encode(text)}</time>");
    }

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    public static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
