using System.Text;

namespace Bylab.Core.Summaries;

/// <summary>
/// Turns Norwegian text into comparable word keys: lower case, stop words (bokmål and nynorsk) removed, a few nynorsk
/// words mapped to their bokmål form, then the endings both written standards use cut off (the rules of Lucene's
/// NorwegianLightStemmer with bokmål and nynorsk both on), so «sykkelveier», «sykkelvegar» and «sykkelveien» meet.
/// Small and ours on purpose: a summary needs a stable, explainable count, not a search engine.
/// </summary>
public static class NorwegianWords
{
    /// <summary>Bokmål and nynorsk function words (from the Snowball Norwegian list, extended with nynorsk forms).</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "og", "i", "jeg", "eg", "det", "at", "en", "ein", "et", "eit", "den", "til", "er", "som", "på", "de", "dei", "med",
        "han", "av", "ikke", "ikkje", "ikkje", "der", "så", "var", "meg", "seg", "men", "ett", "har", "om", "vi", "me", "min",
        "mitt", "ha", "hadde", "hun", "ho", "nå", "no", "over", "da", "då", "ved", "fra", "frå", "du", "ut", "sin", "dem",
        "oss", "opp", "man", "kan", "hans", "hvor", "kvar", "eller", "hva", "kva", "skal", "selv", "sjøl", "sjølv", "her",
        "alle", "vil", "bli", "ble", "blei", "vart", "blitt", "vore", "kunne", "inn", "når", "være", "vere", "kom", "noen",
        "nokon", "noe", "noko", "ville", "dere", "de", "som", "deres", "kun", "berre", "bare", "ja", "etter", "ned", "skulle",
        "denne", "for", "deg", "si", "sine", "sitt", "mot", "å", "meget", "hvorfor", "kvifor", "dette", "disse", "desse",
        "uten", "utan", "hvordan", "korleis", "ingen", "inga", "din", "ditt", "blir", "samme", "same", "hvilken", "kva",
        "hvilke", "sånn", "slik", "inni", "mellom", "vår", "vårt", "våre", "hver", "kvar", "kvart", "hvem", "kven", "vors",
        "hvis", "viss", "både", "båe", "bare", "enn", "fordi", "før", "mange", "også", "og", "òg", "slik", "vært", "vore",
        "hennes", "hennar", "hans", "hennar", "honom", "dykk", "dykkar", "mykje", "mye", "mer", "meir", "mest", "flere",
        "fleire", "litt", "lite", "veldig", "svært", "kanskje", "må", "bør", "burde", "få", "gjøre", "gjere", "gjer", "gjør",
        "får", "fått", "går", "gå", "være", "sier", "seier", "fins", "finnes", "finst", "tror", "trur", "synes", "syns",
        "kunne", "hele", "heile", "helt", "heilt", "andre", "annen", "anna", "annet", "nye", "ny", "nytt", "god", "godt",
        "gode", "stor", "store", "stort", "mindre", "liten", "lita", "små", "der", "dit", "hit", "noen", "nokre", "enda",
        "ennå", "enno", "eller", "altså", "ofte", "bedre", "betre", "tenke", "tenkje", "feks", "osv", "via", "per",
        "the", "and", "of", "to",
    };

    /// <summary>Nynorsk words whose bokmål form is another word, not another ending; mapped before the endings are cut.</summary>
    public static readonly IReadOnlyDictionary<string, string> NynorskToBokmal = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["skule"] = "skole", ["skular"] = "skoler", ["skulen"] = "skolen", ["skulane"] = "skolene",
        ["veg"] = "vei", ["vegen"] = "veien", ["vegar"] = "veier", ["vegane"] = "veiene",
        ["born"] = "barn", ["borna"] = "barna", ["stad"] = "sted", ["staden"] = "stedet", ["stader"] = "steder",
        ["heim"] = "hjem", ["kyrkje"] = "kirke", ["kyrkja"] = "kirken", ["teneste"] = "tjeneste", ["tenester"] = "tjenester",
        ["bustad"] = "bolig", ["bustader"] = "boliger", ["kvardag"] = "hverdag", ["møteplassar"] = "møteplasser",
        ["ungdomar"] = "ungdommer", ["ungdomane"] = "ungdommene", ["eldste"] = "eldste", ["sykkelvegar"] = "sykkelveier",
        ["sykkelveg"] = "sykkelvei", ["sykkelvegen"] = "sykkelveien", ["bibliotek"] = "bibliotek", ["draum"] = "drøm",
        ["tryggleik"] = "trygghet", ["fritid"] = "fritid", ["kveldar"] = "kvelder", ["benkar"] = "benker",
    };

    /// <summary>The words of a text as (key, surface form) pairs; the key is what counts, the surface what a reader sees.</summary>
    public static IEnumerable<(string Key, string Word)> Words(string? text) =>
        Tokens(text).Where(t => t.Key is not null).Select(t => (t.Key!, t.Word));

    /// <summary>
    /// The phrases of a text: two words next to each other in one sentence, neither a stop word nor too short (a stop
    /// word, a short word or the end of a sentence between them breaks the pair), keyed by their two word keys, so
    /// «trygge sykkelveier» and «trygge sykkelvegar» count as one phrase.
    /// </summary>
    public static IEnumerable<(string Key, string Phrase)> Bigrams(string? text)
    {
        (string Key, string Word)? previous = null;
        foreach (var (key, word) in Tokens(text))
        {
            if (key is not null && previous is { } p)
            {
                yield return (p.Key + " " + key, p.Word + " " + word);
            }
            previous = key is null ? null : (key, word);
        }
    }

    /// <summary>Ends a sentence (or a line of Markdown: a heading, a list item): no phrase spans it.</summary>
    private static bool EndsSentence(char c) => c is '.' or '!' or '?' or ';' or ':' or '\n' or '\r';

    /// <summary>
    /// Every word of a text in order, with its key (null for a stop word or a short word), and a (null, "") marker
    /// where a sentence ends.
    /// </summary>
    private static IEnumerable<(string? Key, string Word)> Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }
        var word = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetter(c) || (c == '-' && word.Length > 0))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (word.Length > 0)
            {
                var surface = word.ToString().Trim('-');
                word.Clear();
                yield return (KeyOf(surface), surface);
            }
            if (EndsSentence(c))
            {
                yield return (null, "");
            }
        }
    }

    /// <summary>The key a lower-case word counts under, or null for a stop word or a word too short to say anything.</summary>
    public static string? KeyOf(string lower)
    {
        if (lower.Length < 3 || StopWords.Contains(lower))
        {
            return null;
        }
        var bokmal = NynorskToBokmal.TryGetValue(lower, out var mapped) ? mapped : lower;
        return Stem(bokmal);
    }

    /// <summary>The endings of NorwegianLightStemmer (bokmål and nynorsk), one pass.</summary>
    public static string Stem(string s)
    {
        var len = s.Length;
        if (len > 4 && s[len - 1] == 's')
        {
            len--;
        }
        var cut = Cut(s[..len]);
        return s[..(len - cut)];
    }

    private static int Cut(string s)
    {
        var len = s.Length;
        bool Ends(string e) => s.EndsWith(e, StringComparison.Ordinal);
        if (len > 7 && (Ends("heter") || Ends("heten") || Ends("heita"))) return 5;
        if (len > 8 && (Ends("heiter") || Ends("leiken") || Ends("leikar"))) return 6;
        if (len > 5 && (Ends("dom") || Ends("het"))) return 3;
        if (len > 6 && (Ends("heit") || Ends("semd") || Ends("leik"))) return 4;
        if (len > 7 && (Ends("elser") || Ends("elsen"))) return 5;
        if (len > 6 && (Ends("ende") || Ends("ande") || Ends("else") || Ends("este") || Ends("aste") || Ends("eren") || Ends("aren"))) return 4;
        if (len > 5 && (Ends("ere") || Ends("are") || Ends("est") || Ends("ast") || Ends("ene") || Ends("ane"))) return 3;
        if (len > 4 && (Ends("er") || Ends("en") || Ends("et") || Ends("ar") || Ends("st") || Ends("te"))) return 2;
        if (len > 3 && s[len - 1] is 'a' or 'e' or 'n') return 1;
        return 0;
    }
}
