using System.Text;

namespace Bylab.Benchmarks;

/// <summary>Norwegian words for varied, searchable seed texts (æ, ø and å included on purpose).</summary>
internal static class Text
{
    public static readonly string[] FirstNames =
        ["Kari", "Ola", "Ingrid", "Bjørn", "Åse", "Sindre", "Solveig", "Håkon", "Marte", "Øystein", "Liv", "Per", "Sigrid", "Jørgen", "Tone", "Ærlend"];

    public static readonly string[] LastNames =
        ["Nordmann", "Storhamar", "Hansen", "Bækkelund", "Østby", "Ringsaker", "Furnes", "Mjøsli", "Vang", "Ålstad", "Lie", "Brøttum"];

    public static readonly string[] Themes =
    [
        "Et levende sentrum", "Grønn mobilitet", "Klima og miljø", "Barn og unge", "Kultur og fritid", "Næringsliv og arbeidsplasser",
        "Digital kommune", "Mjøsa og strandsonen",
    ];

    public static readonly string[] Places =
    [
        "Stortorget", "Koigen", "Domkirkeodden", "Strandpromenaden", "Vikingskipet", "Torggata", "Østbyen", "Åkersvika", "Hamar stasjon",
        "Kirsebærlunden", "Prestrud", "Ajer", "Børstad", "Ringgata", "Mjøsbadet",
    ];

    private static readonly string[] Openings =
    [
        "Flere", "Bedre", "Tryggere", "Grønnere", "Nye", "Åpne", "Bygg", "Lag", "Få", "Gi oss", "Rust opp", "Utvid", "Forskjønn", "Lys opp",
    ];

    private static readonly string[] Things =
    [
        "benker", "sykkelparkering", "gangveier", "lekeplasser", "møteplasser for ungdom", "blomsterbed", "vannposter", "offentlige toaletter",
        "skøytebaner", "ladepunkter", "gatekunst", "sitteplasser i skyggen", "fotgjengerfelt", "bysykler", "hundeparker", "grillplasser",
        "frukttrær", "uteserveringer", "bryggeplasser", "skiløyper", "gågater", "bibliotekfilialer", "fellesverksteder", "badstuer ved vannet",
    ];

    private static readonly string[] Sentences =
    [
        "I dag er det for få steder å sette seg ned, særlig for eldre som går tur i sentrum.",
        "Mange barnefamilier savner et sted å møtes som ikke koster penger.",
        "Det ville gjort byen grønnere og gitt fuglene og biene mer å leve av.",
        "Om vinteren er det mørkt og glatt, og flere har falt på vei til bussen.",
        "Ungdommen trenger et sted å være etter skoletid, uten at de må handle noe.",
        "Dette kan gjøres billig med frivillig innsats og litt hjelp fra kommunen.",
        "Vi har sett at det fungerer godt i Lillehammer og Gjøvik.",
        "Langs Mjøsa er det fine områder som brukes altfor lite i dag.",
        "Det må være universelt utformet, slik at alle kan bruke det, også med rullestol eller barnevogn.",
        "Næringslivet i sentrum vil tjene på at flere folk blir værende lenger.",
        "Skolene kan bruke området i undervisningen, for eksempel i naturfag.",
        "Sykkelveien er i dag brutt flere steder, og det er farlig å krysse Ringgata.",
        "Jeg foreslår at kommunen prøver dette ut én sommer og ser hvordan det går.",
        "Ærlig talt er torget øde på kveldstid, og det føles utrygt å gå alene der.",
        "Gamle trær bør bevares, og nye bør plantes der det er asfalt i dag.",
        "Det bør være lys, søppeldunker og tydelig skilting på norsk og engelsk.",
        "Kanskje kan lag og foreninger få ansvar for stell og vedlikehold.",
        "Både klimaet og folkehelsa vinner på at flere går og sykler til jobb.",
    ];

    private static readonly string[] Comments =
    [
        "Helt enig! Dette har jeg savnet lenge.",
        "God idé, men hvem skal betale for vedlikeholdet?",
        "Eg er samd, og det bør skje før sommaren.",
        "Dette er prøvd før, og det ble dessverre mye hærverk.",
        "Fint forslag. Kanskje det kan kombineres med lys langs stien?",
        "Tenk også på dem som bruker rullestol.",
        "Ja takk! Barna mine ville elsket dette.",
        "Kan kommunen svare på om dette er mulig innenfor budsjettet?",
        "Flott! Jeg melder meg gjerne som frivillig på dugnad.",
        "Dette passer godt med planene for strandsonen ved Mjøsa.",
    ];

    public static string Title(Random random, string? word)
    {
        var title = $"{Pick(random, Openings)} {Pick(random, Things)}";
        if (word is not null)
        {
            title += $" og {word}";
        }
        return random.Next(3) == 0 ? title : $"{title} {(random.Next(2) == 0 ? "på" : "ved")} {Pick(random, Places)}";
    }

    public static string Body(Random random)
    {
        var sb = new StringBuilder();
        var paragraphs = random.Next(1, 4);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                sb.Append("\n\n");
            }
            var sentences = random.Next(2, 5);
            for (var s = 0; s < sentences; s++)
            {
                sb.Append(s == 0 ? "" : " ").Append(Pick(random, Sentences));
            }
        }
        if (random.Next(4) == 0)
        {
            sb.Append("\n\n- **Hvor:** ").Append(Pick(random, Places)).Append("\n- **Hvem:** alle som bor i Hamar");
        }
        return sb.ToString();
    }

    public static readonly string[] EventFormats =
    [
        "Verksted", "Folkemøte", "Foredrag", "Frokostmøte", "Kurs", "Dialogmøte", "Byvandring", "Temakveld", "Idédugnad", "Åpent lab",
        "Sofaprat", "Ungdomskveld", "Reparasjonskafé", "Seminar",
    ];

    public static readonly string[] EventTopics =
    [
        "Grønne tak i sentrum", "Sykkelbyen Hamar", "Møteplasser for ungdom", "Strandsonen langs Mjøsa", "Torget om vinteren",
        "Klimabudsjettet forklart", "Gatekunst i Østbyen", "Universell utforming", "Lys i mørke gater", "Gjenbruk og reparasjon",
        "Bygg din egen fuglekasse", "Kunstig intelligens i kommunen", "Fremtidens bibliotek", "Trygg skolevei", "Matsvinn på menyen",
        "Byen for de eldste", "Åpne data om Hamar", "Gründer i Hamar", "Hamar mot 2030", "Kirsebærlunden blomstrer", "Tre og by",
    ];

    public static readonly string[] Organisers =
    [
        "Hamar kommune", "Bylab Hamar", "Ungdomsrådet", "Hamar bibliotek", "Dark Arkitekter", "Hamar Næringsforening", "Naturvernforbundet Hamar",
        "Eldrerådet", "Høgskolen i Innlandet", "Frivilligsentralen",
    ];

    public static readonly (string Name, string Address)[] EventPlaces =
    [
        ("Hamar bibliotek", "Strandgata 1, 2317 Hamar"), ("Kulturhuset", "Vangsvegen 2, 2317 Hamar"),
        ("Domkirkeodden", "Strandvegen 100, 2315 Hamar"), ("Koigen friluftsområde", "Koigen, 2317 Hamar"),
        ("Høgskolen i Innlandet", "Holsetgata 31, 2318 Hamar"), ("Vikingskipet", "Åkersvikvegen 1, 2321 Hamar"),
    ];

    public static string EventSummary(Random random, string title) =>
        $"{title.Split(':')[0]} for alle som bor i Hamar. {Pick(random, Sentences)}";

    public static string Comment(Random random) => Pick(random, Comments);

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
