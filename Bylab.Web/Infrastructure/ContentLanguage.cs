using System.Globalization;

namespace Bylab.Web;

/// <summary>
/// The language of what people write on the site – events, consultations, ideas, comments – as opposed to the
/// interface around it. That content exists in one language only, bokmål, whatever language the interface is in, so
/// on a nynorsk or English page it is marked <c>lang="nb"</c> and a screen reader reads it with the right voice
/// (WCAG 3.1.2). The accessibility statement says the same in words.
/// </summary>
public static class ContentLanguage
{
    public const string Written = "nb";

    /// <summary>"nb" when the interface is in another language, else null (Razor then leaves the attribute out).</summary>
    public static string? Mark => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Written ? null : Written;
}
