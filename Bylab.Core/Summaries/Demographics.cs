using Bylab.Core.Accounts;

namespace Bylab.Core.Summaries;

/// <summary>An age group a person may choose to give in their profile (optional, with consent).</summary>
public enum AgeGroup { Under20, From20To34, From35To49, From50To66, From67 }

/// <summary>A part of Hamar a person may choose to give in their profile (optional, with consent).</summary>
public enum MunicipalityPart { Sentrum, HamarVest, HamarOst, Vang, Ingeberg, Ottestad, Ridabu, OutsideHamar }

/// <summary>Who took part, by a group people chose to tell: the group's key (an enum name, or <see cref="Other"/>) and how many.</summary>
public sealed record GroupCount(string Key, int People);

public sealed record DemographicFigures(int Told, IReadOnlyList<GroupCount> ByAge, IReadOnlyList<GroupCount> ByPart);

/// <summary>
/// The rule for showing groups of people: no group of fewer than <see cref="MinimumGroup"/> is shown on its own; such
/// groups are merged into «annet», and while «annet» itself is under the minimum the next smallest group joins it, so
/// no small number can be read off the figures.
/// </summary>
public static class Demographics
{
    public const int MinimumGroup = 5;
    public const string Other = "Other";

    /// <summary>Applies the personal data of a profile: both values only with consent, none without it.</summary>
    public static void Set(BylabUser user, bool consent, AgeGroup? age, MunicipalityPart? part, DateTime utcNow)
    {
        user.DemographicsConsentedAt = consent ? user.DemographicsConsentedAt ?? utcNow : null;
        user.AgeGroup = consent ? age : null;
        user.MunicipalityPart = consent ? part : null;
    }

    public static List<GroupCount> Merged(IEnumerable<GroupCount> groups)
    {
        var shown = groups.Where(g => g.People > 0).OrderByDescending(g => g.People).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var other = 0;
        while (shown.Count > 0 && (shown[^1].People < MinimumGroup || (other is > 0 and < MinimumGroup)))
        {
            other += shown[^1].People;
            shown.RemoveAt(shown.Count - 1);
        }
        if (other > 0)
        {
            shown.Add(new GroupCount(Other, other));
        }
        return shown;
    }
}
