namespace Bylab.Core.Venue;

/// <summary>A public holiday; <paramref name="Key"/> names it for the web layer ("Holiday." + key).</summary>
public sealed record PublicHoliday(DateOnly Date, string Key);

/// <summary>
/// Norway's public holidays (helligdager and the two state holidays 1 May and 17 May), computed so they never have to
/// be typed in: the fixed ones, and those that move with Easter.
/// </summary>
public static class NorwegianHolidays
{
    public const string NewYear = "new-year";
    public const string MaundyThursday = "maundy-thursday";
    public const string GoodFriday = "good-friday";
    public const string EasterSunday = "easter-sunday";
    public const string EasterMonday = "easter-monday";
    public const string LabourDay = "labour-day";
    public const string ConstitutionDay = "constitution-day";
    public const string Ascension = "ascension";
    public const string WhitSunday = "whit-sunday";
    public const string WhitMonday = "whit-monday";
    public const string ChristmasDay = "christmas-day";
    public const string BoxingDay = "boxing-day";

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, «Meeus/Jones/Butcher»).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The year's holidays in date order.</summary>
    public static IReadOnlyList<PublicHoliday> For(int year)
    {
        var easter = Easter(year);
        return new List<PublicHoliday>
        {
            new(new DateOnly(year, 1, 1), NewYear),
            new(easter.AddDays(-3), MaundyThursday),
            new(easter.AddDays(-2), GoodFriday),
            new(easter, EasterSunday),
            new(easter.AddDays(1), EasterMonday),
            new(new DateOnly(year, 5, 1), LabourDay),
            new(new DateOnly(year, 5, 17), ConstitutionDay),
            new(easter.AddDays(39), Ascension),
            new(easter.AddDays(49), WhitSunday),
            new(easter.AddDays(50), WhitMonday),
            new(new DateOnly(year, 12, 25), ChristmasDay),
            new(new DateOnly(year, 12, 26), BoxingDay),
        }.OrderBy(h => h.Date).ToList();
    }

    /// <summary>The holiday on <paramref name="date"/>, if any (Ascension may fall on 1 or 17 May: the first listed wins).</summary>
    public static PublicHoliday? On(DateOnly date) => For(date.Year).FirstOrDefault(h => h.Date == date);
}
