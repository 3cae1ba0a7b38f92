using Bylab.Core.Time;

namespace Bylab.Core.Events;

/// <summary>The demo programme itself: what is on at the Bylab and around Hamar, relative to today.</summary>
internal static partial class EventsDemoContent
{
    private static List<DemoEvent> Programme(DateTime today)
    {
        DateTime On(int week, DayOfWeek day, int hour, int minute = 0) => WeekdayAt(today, week, day, hour, minute);

        var events = new List<DemoEvent>
        {
            new("hvor-er-vi",
                "Åpent møte: Hamar mot 2030 – hvor er vi?",
                "Vi starter rulleringen av strategien «Hamar mot 2030». Hvordan står det til med byen vår i dag?",
                """
                Hamar kommune inviterer til det første av tre åpne møter om strategien **«Hamar mot 2030»**. Strategien er bygget rundt tre spørsmål: *Hvor er vi? Hvor vil vi? Hvordan kommer vi dit?* Denne kvelden handler om det første.

                **Program**

                - 18.00 Velkommen v/ ordføreren
                - 18.15 Hamar i tall: befolkning, arbeidsplasser, klima og reisevaner
                - 18.45 Kaffe og samtale rundt bordene
                - 19.30 Oppsummering: hva overrasket oss?

                Det blir enkel servering. Lokalet er trinnfritt og har teleslynge.
                """,
                "attraktiv-by", EventAudience.Everyone, On(0, DayOfWeek.Tuesday, 18), On(0, DayOfWeek.Tuesday, 20),
                "Hamar kommune", Staff, Capacity: 40, MaxCompanions: 1, AskNeeds: true),

            new("sentrum",
                "Verksted: Et levende Hamar sentrum",
                "Sammen med Dark Arkitekter tegner vi framtidens sentrum – fra Stortorget til Strandgata.",
                """
                Hvordan skal sentrum se ut når Hamar har 35 000 innbyggere? **Dark Arkitekter** leder et verksted der vi jobber med kart, modeller og skisser i små grupper.

                Vi ser særlig på:

                1. Møteplasser for alle aldre, hele året
                2. Grønne lunger og overvann
                3. Hvordan du kommer deg til og gjennom sentrum til fots og på sykkel

                Du trenger ingen forkunnskaper – bare lyst til å være med og forme byen. Ta gjerne med en venn. Resultatene blir en del av kunnskapsgrunnlaget for sentrumsplanen.
                """,
                "attraktiv-by", EventAudience.Everyone, On(1, DayOfWeek.Wednesday, 17), On(1, DayOfWeek.Wednesday, 20),
                "Dark Arkitekter", Organiser, Capacity: 24, MaxCompanions: 1, AskNeeds: true,
                Question: "Hvilken plass i sentrum bruker du mest, og hvorfor?"),

            new("ungdomsradet",
                "Ungdomsrådet: Åpent møte om ungdommens Hamar",
                "Hva trenger unge i Hamar? Ungdomsrådet vil høre fra deg som er mellom 13 og 25.",
                """
                **Ungdomsrådet i Hamar** holder åpent møte i Bylab, og alle unge er velkomne.

                Vi snakker om steder å være etter skoletid, kollektivtilbudet på kveldstid og hvordan unge kan få mer å si i saker som angår dem. Ungdomsrådet tar med seg innspillene til bystyret.

                Det blir pizza! Si gjerne fra om allergier når du melder deg på.
                """,
                "inkludering", EventAudience.Youth, On(1, DayOfWeek.Thursday, 16), On(1, DayOfWeek.Thursday, 18),
                "Ungdomsrådet", Staff, Capacity: 30, AskNeeds: true),

            new("opne-data",
                "Smarte og berekraftige lokalsamfunn: Del og ta i bruk opne data",
                "Samtale nr. 6 i serien om det nasjonale vegkartet for smarte og berekraftige byar og lokalsamfunn.",
                """
                I samtaleserien om **det nasjonale vegkartet for smarte og berekraftige byar og lokalsamfunn** tek vi for oss eitt prinsipp om gongen. Denne gongen: *Del og ta i bruk opne data*.

                To kommunar fortel korleis dei har opna data om til dømes parkering, luftkvalitet og sykkeltrafikk, og kva innbyggjarar og næringsliv har fått ut av det. Etterpå samtalar vi om kva Hamar og Hamarregionen kan lære.

                Samtalen vert leia av representantar frå DOGA, Nordic Edge og Norconsult. Det er høve til å stille spørsmål på slutten.
                """,
                "vekst-og-kompetanse", EventAudience.Professionals, On(2, DayOfWeek.Tuesday, 10), On(2, DayOfWeek.Tuesday, 11, 30),
                "Hamar kommune, Smartby Hamar", Staff, Capacity: 50),

            new("lunsjprat",
                "Lunsjprat på nett: Klima i «Hamar mot 2030»",
                "En halvtime på nett om hvordan Hamar skal kutte utslipp og tåle været som kommer. Still spørsmål i chatten.",
                """
                Spis lunsj med oss! Klimarådgiveren i Hamar kommune forteller kort om målene for **bærekraft og klima** i «Hamar mot 2030», og svarer på spørsmål fra chatten.

                Lenken til møtet får du når du har meldt deg på. Du kan delta med eller uten kamera.
                """,
                "baerekraft-og-klima", EventAudience.Everyone, On(2, DayOfWeek.Thursday, 12), On(2, DayOfWeek.Thursday, 12, 45),
                "Hamar kommune", Staff, Capacity: 200, Location: EventLocationKind.Online,
                OnlineUrl: "https://digitalt.example.org/hamar-mot-2030-klima"),

            new("sykkeltur",
                "Sykkeltur: Hvor er det vanskelig å sykle i Hamar?",
                "Vi sykler sammen gjennom byen og noterer brudd i sykkelveinettet. Oppmøte på Stortorget.",
                """
                **Sykkelnettverket** og Hamar kommune inviterer til en rolig fellestur på rundt 12 kilometer. Underveis stopper vi der det er vanskelig eller utrygt å sykle, og legger punktene inn i kartet til medvirkningen «Sykkelbyen Hamar».

                Ta med sykkel, hjelm og klær etter været. Turen passer for alle som er vant til å sykle i byen.
                """,
                "samferdsel-og-mobilitet", EventAudience.Everyone, On(3, DayOfWeek.Saturday, 11), On(3, DayOfWeek.Saturday, 13, 30),
                "Sykkelnettverket", Staff, Capacity: 25, Location: EventLocationKind.Elsewhere,
                PlaceName: "Stortorget", PlaceAddress: "Stortorget, 2317 Hamar"),

            new("seniorer",
                "Digital hverdag: Kommunens tjenester på nett",
                "For deg som vil bli tryggere på å bruke kommunens tjenester på nett. Ta med egen mobil eller nettbrett.",
                """
                Frivillige fra seniornettverket hjelper deg i gang med **kommunens tjenester på nett**: søknader, innsyn og påmelding til arrangementer som dette.

                Vi er på Hamar bibliotek, og det er kaffe og god tid. Du kan ta med en venn.
                """,
                "inkludering", EventAudience.Seniors, On(4, DayOfWeek.Wednesday, 11), On(4, DayOfWeek.Wednesday, 13),
                "Hamar bibliotek og seniornettverket", Staff, Capacity: 20, Location: EventLocationKind.Elsewhere,
                PlaceName: "Hamar bibliotek", PlaceAddress: "Strandgata 45, 2317 Hamar", MaxCompanions: 1),

            new("banenor",
                "Informasjonsmøte: Nytt dobbeltspor gjennom Hamar",
                "Bane NOR orienterer om planene for dobbeltsporet og ny stasjon, og svarer på spørsmål.",
                """
                **Bane NOR** legger fram status for planarbeidet med dobbeltspor gjennom Hamar og hva det betyr for stasjonsområdet, strandsonen og trafikken i anleggsperioden. Fagfolk fra Bane NOR og Hamar kommune er til stede for å svare på spørsmål.
                """,
                "samferdsel-og-mobilitet", EventAudience.Everyone, On(4, DayOfWeek.Thursday, 18), On(4, DayOfWeek.Thursday, 19, 30),
                "Bane NOR", Staff, Capacity: 60),

            new("hvor-vil-vi",
                "Åpent møte: Hamar mot 2030 – hvor vil vi?",
                "Det andre åpne møtet om strategien: hva slags by vil vi være i 2030? Påmeldingen åpner om en uke.",
                """
                I det andre åpne møtet om **«Hamar mot 2030»** ser vi framover. Vi bruker fremtidsscenarier som utgangspunkt for samtalen: hva slags by vil vi være, og hva må vi velge bort?

                Innspillene fra det første møtet og fra medvirkningen på nett blir presentert innledningsvis.
                """,
                "attraktiv-by", EventAudience.Everyone, On(5, DayOfWeek.Tuesday, 18), On(5, DayOfWeek.Tuesday, 20),
                "Hamar kommune", Staff, Capacity: 60, MaxCompanions: 1, AskNeeds: true,
                RegistrationOpensAt: OsloTime.ToUtc(today.AddDays(7).AddHours(9))),

            new("hvordan",
                "Åpent møte: Hamar mot 2030 – hvordan kommer vi dit?",
                "Det tredje åpne møtet: fra mål til tiltak. Hva gjør vi først, og hvem gjør hva?",
                """
                Det siste av de tre åpne møtene om **«Hamar mot 2030»** handler om tiltakene. Sammen med Trepartssamarbeidet, næringslivet og frivilligheten prioriterer vi hva som skal prøves ut først – gjerne her i Bylab.
                """,
                "attraktiv-by", EventAudience.Everyone, On(7, DayOfWeek.Tuesday, 18), On(7, DayOfWeek.Tuesday, 20),
                "Hamar kommune", Staff, Capacity: 60, MaxCompanions: 1, AskNeeds: true),

            new("frokost",
                "Frokostmøte: Kompetansearbeidsplasser i Hamarregionen",
                "Hamarregionen Utvikling og næringslivet om hvordan vi får flere kompetansearbeidsplasser til regionen.",
                """
                **Hamarregionen Utvikling** inviterer næringslivet til frokost og samtale om teknologi, digitalisering og morgendagens arbeidsplasser.
                """,
                "vekst-og-kompetanse", EventAudience.Business, On(3, DayOfWeek.Friday, 8), On(3, DayOfWeek.Friday, 9, 30),
                "Hamarregionen Utvikling", Staff, Capacity: 40, Status: EventStatus.Cancelled,
                CancellationMessage: "Frokostmøtet er dessverre avlyst på grunn av sykdom. Vi kommer tilbake med ny dato."),

            new("skisser",
                "Dark Arkitekter viser skisser for Stortorget",
                "Arkitektene viser de første skissene for et fornyet Stortorg, bygget på innspillene fra medvirkningen.",
                """
                Skissene bygger på ideene og stemmene i medvirkningen **«Hvordan skal Stortorget brukes?»** og på verkstedet om sentrum. *Utkast – tid og innhold er ikke endelig.*
                """,
                "attraktiv-by", EventAudience.Everyone, On(7, DayOfWeek.Thursday, 18), On(7, DayOfWeek.Thursday, 19, 30),
                "Dark Arkitekter", Organiser, Capacity: 60, Status: EventStatus.Draft),
        };
        return events;
    }

    /// <summary>One that has just happened, with attendance.</summary>
    private static DemoEvent PastEvent(DateTime today) => new("verksted-torget",
        "Kaffe og kart: Hva mener du om Stortorget?",
        "Uformelt verksted i Bylab om medvirkningen «Hvordan skal Stortorget brukes?».",
        "Kom innom Bylab, ta en kaffe og tegn på kartet over Stortorget. Innspillene går rett inn i medvirkningen.",
        "attraktiv-by", EventAudience.Everyone, WeekdayAt(today, -2, DayOfWeek.Wednesday, 15), WeekdayAt(today, -2, DayOfWeek.Wednesday, 17),
        "Hamar kommune", Staff, Capacity: 30);

    /// <summary>The given weekday in the given week from <paramref name="today"/> (week 0 = the next seven days, today excluded), at hh:mm Oslo time.</summary>
    private static DateTime WeekdayAt(DateTime today, int week, DayOfWeek day, int hour, int minute = 0)
    {
        var date = today.AddDays(1);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }
        var local = date.AddDays(7 * week).AddHours(hour).AddMinutes(minute);
        return OsloTime.ToUtc(local) ?? throw new InvalidOperationException($"{local} does not exist in Oslo.");
    }
}
