using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Ideas;

/// <summary>
/// Demo content for a new Development database: the goals of «Hamar mot 2030» as themes, two open
/// consultations and one concluded, with ideas in bokmål and nynorsk, votes, comments and official answers.
/// Dates are relative to now, so the open consultations are open whenever the demo is started.
/// </summary>
internal static class IdeasDemoContent
{
    private sealed record DemoIdea(string Key, string Consultation, string Author, string Title, string Body, string? Place,
        string[] Principles, int[] Goals, int DaysAgo, string[] Voters, (string Author, string Text, (string Author, string Text)[] Replies)[] Comments,
        IdeaStatus? Status = null, string? Answer = null);

    public static async Task SeedAsync(BylabDbContext db, IReadOnlyDictionary<string, string> users, DateTime now, CancellationToken ct)
    {
        var themes = new Dictionary<string, Theme>
        {
            ["attraktiv"] = new()
            {
                Slug = "attraktiv-by", SortOrder = 1, Title = "En attraktiv by",
                Description = "Hamar skal være en levende by med gode møteplasser, kultur og et sentrum folk vil bruke.",
                WhereAreWe = "Sentrum har mange kvaliteter, men flere plasser står tomme store deler av året, og handelen flytter ut.",
                WhereDoWeWantToGo = "Et sentrum med liv hele året: møteplasser for alle aldre, grønne lunger og kultur ute og inne.",
                HowDoWeGetThere = "Vi prøver ut tiltak sammen med innbyggere, næringsliv og kulturliv – i Bylab og ute i byen.",
            },
            ["vekst"] = new()
            {
                Slug = "vekst-og-kompetanse", SortOrder = 2, Title = "Vekst og kompetanse",
                Description = "Flere arbeidsplasser og mer kompetanse i Hamarregionen, i samarbeid med næringsliv og akademia.",
                WhereAreWe = "Hamarregionen har rundt 45 000 arbeidsplasser, men for få kompetansearbeidsplasser.",
                WhereDoWeWantToGo = "En region der fremtidens arbeidsplasser skapes, og der unge vil bo og jobbe.",
                HowDoWeGetThere = "Arenaer og nettverk på tvers av bedrifter, offentlig sektor og akademia.",
            },
            ["klima"] = new()
            {
                Slug = "baerekraft-og-klima", SortOrder = 3, Title = "Bærekraft og klima",
                Description = "Lavere utslipp, bedre tilpasning til klimaendringene og FNs bærekraftsmål som grunnlag.",
                WhereAreWe = "Utslippene fra transport og bygg er fortsatt høye, og kraftigere regn gir nye utfordringer.",
                WhereDoWeWantToGo = "En by som bidrar til at Norge når bærekraftsmålene, og som tåler været som kommer.",
                HowDoWeGetThere = "Konkrete tiltak som kutter utslipp, og beslutninger som ser klima, miljø og økonomi i sammenheng.",
            },
            ["transport"] = new()
            {
                Slug = "samferdsel-og-mobilitet", SortOrder = 4, Title = "Samferdsel og mobilitet",
                Description = "Det skal være enkelt å gå, sykle og reise kollektivt i og til Hamar.",
                WhereAreWe = "Mange korte turer gjøres med bil, og sykkelveinettet har brudd.",
                WhereDoWeWantToGo = "Sammenhengende gang- og sykkelveier, god kollektivtrafikk og kort vei til Oslo.",
                HowDoWeGetThere = "Vi kartlegger sammen med syklister og Sykkelnettverket, og bygger ut der behovet er størst.",
            },
            ["inkludering"] = new()
            {
                Slug = "inkludering", SortOrder = 5, Title = "Inkludering og deltakelse",
                Description = "Alle skal kunne delta i arbeid, skole og fellesskap – og i å forme byen.",
                WhereAreWe = "For mange står utenfor skole og arbeidsliv, og ikke alle stemmer blir hørt i planleggingen.",
                WhereDoWeWantToGo = "En inkluderende bo- og arbeidsregion der innbyggerne er med fra starten.",
                HowDoWeGetThere = "Bred medvirkning, samarbeid med frivilligheten og lav terskel for å delta.",
            },
        };
        db.Themes.AddRange(themes.Values);
        await db.SaveChangesAsync(ct);

        var consultations = new Dictionary<string, Consultation>
        {
            ["torget"] = new()
            {
                Slug = "hvordan-skal-stortorget-brukes", Title = "Hvordan skal Stortorget brukes?", ThemeId = themes["attraktiv"].Id,
                DescriptionMarkdown = """
                    Stortorget skal fornyes, og vi vil høre fra deg før arkitektene begynner å tegne.

                    - **Hvor er vi?** Torget brukes til parkering og marked, men står ofte tomt.
                    - **Hvor vil vi?** Et torg med liv hele året, for alle aldre.
                    - **Hvordan kommer vi dit?** Kom med ideer, stem på det du liker, og møt oss i Bylab.
                    """,
                OpensAt = now.AddDays(-14), IdeasCloseAt = now.AddDays(14), ClosesAt = now.AddDays(21), CreatedAt = now.AddDays(-20),
            },
            ["sykkel"] = new()
            {
                Slug = "sykkelbyen-hamar-hvor-er-det-vanskelig-a-sykle", Title = "Sykkelbyen Hamar – hvor er det vanskelig å sykle?",
                ThemeId = themes["transport"].Id, MaxVotesPerPerson = 5,
                DescriptionMarkdown = """
                    Sammen med Sykkelnettverket kartlegger vi hvor det er utrygt eller tungvint å sykle i Hamar.
                    Fortell oss om stedene – og hva som skal til. Du har fem stemmer.
                    """,
                OpensAt = now.AddDays(-7), IdeasCloseAt = now.AddDays(3), ClosesAt = now.AddDays(10), CreatedAt = now.AddDays(-10),
            },
            ["bylab"] = new()
            {
                Slug = "ideer-til-bylab-lokalet", Title = "Ideer til Bylab-lokalet", ThemeId = themes["inkludering"].Id,
                DescriptionMarkdown = """
                    Bylab er et åpent lokale midt i Hamar sentrum som kommunen låner ut til aktører og innbyggere.
                    Hva skal til for at flere bruker det? Høringen er avsluttet, og alle ideene har fått svar.
                    """,
                OpensAt = now.AddDays(-120), IdeasCloseAt = now.AddDays(-90), ClosesAt = now.AddDays(-75),
                ConcludedAt = now.AddDays(-30), CreatedAt = now.AddDays(-125),
            },
        };
        db.Consultations.AddRange(consultations.Values);
        await db.SaveChangesAsync(ct);

        const string kari = "kari@demo.bylab.no", ola = "ola@demo.bylab.no", ingrid = "ingrid@demo.bylab.no",
            per = "politiker@demo.bylab.no", arr = "arrangor@demo.bylab.no", mona = "moderator@demo.bylab.no";

        DemoIdea[] ideas =
        [
            new("benker", "torget", kari, "Flere benker og skygge på Stortorget",
                "Eldre og barnefamilier trenger steder å sitte. Benker med ryggstø langs sørveggen, og noen trær som gir skygge om sommeren.",
                "Stortorget", ["innbyggerne-i-sentrum"], [3, 11], 12, [ola, ingrid, per, arr], [
                    (ola, "Helt enig. Nå er det ingen steder å hvile mellom Østbyen og Strandgata.", [(kari, "Ja, og gjerne benker med armlene, så det er lettere å reise seg.")]),
                    (ingrid, "Trær ville også gjort torget mindre varmt i juli.", []),
                ]),
            new("isbane", "torget", ola, "Skøytebane på torget om vinteren",
                "Hamar er en skøyteby. En enkel kunstisbane på Stortorget fra desember til februar ville gitt liv i sentrum når det er mørkest.",
                "Stortorget", ["innbyggerne-i-sentrum", "tenk-helhetlig"], [3], 10, [kari, ingrid, arr], [
                    (per, "Hva koster drift og strøm? Kan den kjøles med overskuddsvarme?", [(ola, "Vikingskipet har erfaring – kanskje et samarbeid?")]),
                ]),
            new("marked", "torget", ingrid, "Fast bondens marked hver lørdag",
                "Lokale bønder fra Hamarregionen selger grønnsaker, kjøtt og bakst. Det gir kortreist mat og en grunn til å gå til sentrum.",
                "Stortorget", ["neste-generasjon-naeringsliv", "klima-og-miljo"], [2, 12], 9, [kari, ola], []),
            new("leikeplass", "torget", arr, "Leikeplass for dei minste",
                "Det manglar ein trygg stad for småbarn i sentrum. Ein liten leikeplass med sandkasse og klatrestativ på torget, med benker rundt for vaksne.",
                "Stortorget", ["inkludering-og-samskaping"], [3, 10], 8, [kari, ingrid, mona], [
                    (kari, "Fint forslag! Kanskje i hjørnet mot Torggata, der det er mindre trafikk?", []),
                ]),
            new("scene", "torget", per, "Liten utescene for lokal kultur",
                "En enkel scene med strøm der kulturskolen, kor og band kan spille uten å søke om store arrangementstillatelser.",
                "Stortorget", ["innbyggerne-i-sentrum"], [11], 6, [ola], []),
            new("parkering", "torget", mona, "Behold noen parkeringsplasser for bevegelseshemmede",
                "Hvis bilene fjernes fra torget, må det fortsatt være HC-parkering nær butikkene. Ellers stenger vi ute dem som trenger det mest.",
                "Stortorget", ["inkludering-og-samskaping"], [10], 5, [per, arr], [
                    (ingrid, "Viktig poeng. Det bør stå i konkurransegrunnlaget for arkitektene.", []),
                ]),
            new("regnbed", "torget", ingrid, "Regnbed som tar unna overvann",
                "Når det regner kraftig, renner vannet rett ned i kummene. Grønne regnbed med stauder kan ta unna vannet og gjøre torget grønnere.",
                "Stortorget", ["klima-og-miljo"], [6, 13, 15], 3, [kari], []),
            new("tomme-lokaler", "torget", ola, "Pop-up-butikker i tomme lokaler rundt torget",
                "Gi gründere og kunstnere billig leie i tomme butikklokaler i noen måneder om gangen.",
                null, ["neste-generasjon-naeringsliv", "begynn-lokalt-tenk-globalt"], [8, 9], 1, [], []),

            new("strandgata", "sykkel", kari, "Farlig kryss ved Strandgata og Vangsvegen",
                "Bilene svinger til høyre over sykkelfeltet uten å se seg for. Et opphøyd sykkelkryss eller eget lys for syklister ville hjulpet.",
                "Strandgata / Vangsvegen", ["innbyggerne-i-sentrum"], [3, 11], 6, [ola, ingrid, per, arr, mona], [
                    (ola, "Holdt på å bli påkjørt der i går. Det haster.", [(kari, "Meld det gjerne også i kommunens kartløsning, så ser de omfanget.")]),
                ]),
            new("stasjon", "sykkel", ingrid, "Overbygd sykkelparkering ved Hamar stasjon",
                "Mange pendler med tog til Oslo. Trygg, overbygd og låsbar sykkelparkering ved stasjonen gjør det lettere å la bilen stå.",
                "Hamar stasjon", ["klima-og-miljo", "tenk-helhetlig"], [9, 11, 13], 5, [kari, ola, per], [
                    (per, "Bane NOR bør være med på dette. Det er deres tomt.", []),
                ]),
            new("koigen", "sykkel", arr, "Sykkelveg langs Mjøsa til Koigen",
                "Strekninga langs Mjøsa er fin, men vegen blir smal og grusete mot Koigen. Ein samanhengande sykkelveg ville gjort det trygt for born å sykle til badeplassen.",
                "Koigen", ["innbyggerne-i-sentrum"], [3, 11], 4, [kari, mona], []),
            new("vinter", "sykkel", ola, "Brøyt sykkelveiene først",
                "Om vinteren blir sykkelveiene brøytet sist. Prioriter de viktigste sykkelrutene tidlig om morgenen, slik de gjør i Oulu.",
                null, ["klima-og-miljo", "begynn-lokalt-tenk-globalt"], [11, 13], 3, [ingrid, per], [
                    (ingrid, "Oulu er et godt eksempel. Kanskje vi kan invitere dem til Bylab?", []),
                ]),
            new("telling", "sykkel", per, "Åpne data fra sykkeltellerne",
                "Del tallene fra sykkeltellerne som åpne data, så kan skoler, gründere og syklister følge utviklingen selv.",
                null, ["apne-data"], [9, 16], 1, [arr], []),

            new("apningstider", "bylab", kari, "Åpent Bylab på kveldstid",
                "Mange jobber på dagtid. Ha Bylab åpent to kvelder i uka, så flere kan komme innom og se utstillingene.",
                "Bylab", ["innbyggerne-i-sentrum"], [11, 16], 115, [ola, ingrid, per], [
                    (ola, "Torsdager passer bra, da er butikkene også åpne lenger.", []),
                ], IdeaStatus.Implemented,
                "Takk for forslaget! Fra januar er Bylab åpent tirsdag og torsdag til kl. 20. Se åpningstidene på forsiden."),
            new("ungdom", "bylab", ingrid, "Ungdomsrådet bør ha fast kontordag i Bylab",
                "Når Ungdomsrådet er synlig i Bylab, blir det lettere for unge å komme med innspill til byutviklingen.",
                "Bylab", ["inkludering-og-samskaping"], [4, 10, 16], 110, [kari, arr, mona], [
                    (arr, "Gjerne i samarbeid med skolene, slik at klasser kan komme på besøk.", [(ingrid, "God idé – da blir det mer enn et kontor.")]),
                ], IdeaStatus.Accepted,
                "Ungdomsrådet har takket ja og har fast kontordag hver onsdag ettermiddag fra neste skoleår."),
            new("vr", "bylab", ola, "VR-briller for å se nye bygg før de bygges",
                "Kommunen samarbeider med EON Reality om AR og VR. La innbyggerne prøve modellene av nye prosjekter i Bylab.",
                "Bylab", ["kompetanse-og-innovasjon", "apne-data"], [9], 105, [kari, per], [], IdeaStatus.UnderConsideration,
                "Vi undersøker hva utstyret koster og om modellene kan deles. Vi kommer tilbake med svar i løpet av våren."),
            new("kafe", "bylab", arr, "Kafé med sal av lokal mat",
                "Ein liten kafé i Bylab ville fått fleire til å stikke innom.",
                "Bylab", ["neste-generasjon-naeringsliv"], [8], 100, [mona], [], IdeaStatus.Rejected,
                "Lokalet er for lite til kafédrift, og det er flere kafeer i nabolaget. Det er likevel lov å ta med mat til arrangementer."),
            new("utlan", "bylab", per, "Enklere å låne lokalet for frivillige lag",
                "Frivillige lag opplever det som tungvint å booke Bylab. En enkel bookingløsning på nett ville hjulpet.",
                "Bylab", ["inkludering-og-samskaping", "tenk-helhetlig"], [16, 17], 98, [kari, ola, ingrid, arr], [
                    (kari, "Ja! Og vis gjerne i kalenderen når det er ledig.", []),
                ], IdeaStatus.UnderConsideration,
                // Only what the site does: there is no booking on it yet (the booking issue will change this answer).
                "Vi ser på hvordan lag og foreninger kan spørre om å låne lokalet her på nettsiden. Til det er på plass, sender dere en e-post eller ringer Bylab, så finner vi en dag som passer. Frivillige lag låner lokalet gratis."),
        ];

        var created = new Dictionary<string, Idea>();
        foreach (var d in ideas)
        {
            var consultation = consultations[d.Consultation];
            var at = Clamp(now.AddDays(-d.DaysAgo), consultation.OpensAt.AddHours(2), consultation.IdeasCloseAt.AddHours(-2));
            var idea = new Idea
            {
                ConsultationId = consultation.Id,
                ThemeId = consultation.ThemeId,
                AuthorId = users[d.Author],
                Title = d.Title,
                BodyMarkdown = d.Body,
                PlaceName = d.Place,
                CreatedAt = at,
                Principles = d.Principles.Select(c => new IdeaPrinciple { Code = c }).ToList(),
                Goals = d.Goals.Select(n => new IdeaGoal { Number = n }).ToList(),
            };
            if (d.Status is { } status)
            {
                idea.Answer(status, d.Answer!, users["ansatt@demo.bylab.no"], (consultation.ConcludedAt ?? now).AddDays(-2));
            }
            db.Ideas.Add(idea);
            created[d.Key] = idea;
        }
        await db.SaveChangesAsync(ct);

        foreach (var d in ideas)
        {
            var idea = created[d.Key];
            var consultation = consultations[d.Consultation];
            db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea.Id, UserId = users[d.Author], CreatedAt = idea.CreatedAt });
            var minutes = 0;
            foreach (var voter in d.Voters)
            {
                minutes += 97;
                db.Votes.Add(new Vote { IdeaId = idea.Id, UserId = users[voter], CreatedAt = Clamp(idea.CreatedAt.AddMinutes(minutes), idea.CreatedAt, Min(now, consultation.ClosesAt)) });
            }
            foreach (var (author, text, replies) in d.Comments)
            {
                minutes += 45;
                var comment = new Comment { IdeaId = idea.Id, AuthorId = users[author], BodyMarkdown = text, CreatedAt = Clamp(idea.CreatedAt.AddMinutes(minutes), idea.CreatedAt, now) };
                db.Comments.Add(comment);
                await db.SaveChangesAsync(ct);
                foreach (var (replyAuthor, replyText) in replies)
                {
                    minutes += 30;
                    db.Comments.Add(new Comment
                    {
                        IdeaId = idea.Id, ParentId = comment.Id, AuthorId = users[replyAuthor], BodyMarkdown = replyText,
                        CreatedAt = Clamp(idea.CreatedAt.AddMinutes(minutes), idea.CreatedAt, now),
                    });
                }
            }
        }
        // A citizen follows a few ideas they did not write.
        db.IdeaFollowers.Add(new IdeaFollower { IdeaId = created["strandgata"].Id, UserId = users[ola], CreatedAt = now.AddDays(-2) });
        db.IdeaFollowers.Add(new IdeaFollower { IdeaId = created["benker"].Id, UserId = users[ingrid], CreatedAt = now.AddDays(-5) });
        await db.SaveChangesAsync(ct);

        await db.Database.ExecuteSqlRawAsync("""
            UPDATE Ideas SET
                VoteCount = (SELECT COUNT(*) FROM Votes WHERE Votes.IdeaId = Ideas.Id),
                CommentCount = (SELECT COUNT(*) FROM Comments WHERE Comments.IdeaId = Ideas.Id AND Comments.DeletedAt IS NULL)
            """, ct);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Clamp(DateTime value, DateTime min, DateTime max) => value < min ? min : value > max ? max : value;
}
