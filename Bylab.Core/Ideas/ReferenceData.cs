namespace Bylab.Core.Ideas;

/// <summary>
/// The eight principles of the national roadmap for smart and sustainable cities and communities
/// («Veikart for smarte og bærekraftige byer og lokalsamfunn»). Fixed by the roadmap, not edited by staff.
/// The code is what is stored and what URLs carry; the web layer translates it by code, the Norwegian name is the source.
/// </summary>
public static class RoadmapPrinciples
{
    public sealed record Principle(int Number, string Code, string NorwegianName);

    public static readonly IReadOnlyList<Principle> All =
    [
        new(1, "innbyggerne-i-sentrum", "Sett innbyggerne i sentrum"),
        new(2, "tenk-helhetlig", "Tenk helhetlig"),
        new(3, "klima-og-miljo", "Prioriter klima og miljø"),
        new(4, "inkludering-og-samskaping", "Vektlegg inkludering og samskaping"),
        new(5, "neste-generasjon-naeringsliv", "Sats på neste generasjon næringsliv"),
        new(6, "apne-data", "Del og ta i bruk åpne data"),
        new(7, "kompetanse-og-innovasjon", "Sats på kompetanseutvikling, omstilling og innovasjon"),
        new(8, "begynn-lokalt-tenk-globalt", "Begynn lokalt, men tenk globalt"),
    ];

    public const int CodeMaxLength = 40;

    public static bool IsKnown(string? code) => code is not null && All.Any(p => p.Code == code);

    public static Principle? Find(string? code) => All.FirstOrDefault(p => p.Code == code);
}

/// <summary>The 17 UN sustainable development goals (FNs bærekraftsmål) by number, with their official Norwegian names.</summary>
public static class SustainableDevelopmentGoals
{
    public sealed record Goal(int Number, string NorwegianName);

    public static readonly IReadOnlyList<Goal> All =
    [
        new(1, "Utrydde fattigdom"),
        new(2, "Utrydde sult"),
        new(3, "God helse og livskvalitet"),
        new(4, "God utdanning"),
        new(5, "Likestilling mellom kjønnene"),
        new(6, "Rent vann og gode sanitærforhold"),
        new(7, "Ren energi til alle"),
        new(8, "Anstendig arbeid og økonomisk vekst"),
        new(9, "Innovasjon og infrastruktur"),
        new(10, "Mindre ulikhet"),
        new(11, "Bærekraftige byer og lokalsamfunn"),
        new(12, "Ansvarlig forbruk og produksjon"),
        new(13, "Stoppe klimaendringene"),
        new(14, "Livet i havet"),
        new(15, "Livet på land"),
        new(16, "Fred, rettferdighet og velfungerende institusjoner"),
        new(17, "Samarbeid for å nå målene"),
    ];

    public static bool IsKnown(int number) => number is >= 1 and <= 17;

    public static Goal? Find(int number) => IsKnown(number) ? All[number - 1] : null;
}
