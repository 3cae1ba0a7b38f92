using System.Net;
using System.Text.RegularExpressions;

namespace Bylab.Benchmarks;

/// <summary>A signed-in person as the vote scenario uses them: their cookies and one antiforgery token for their session.</summary>
public sealed record Voter(string Email, string CookieHeader, string Token);

/// <summary>Signs people in through the real login form, as a browser would (GET the form, POST it with its token).</summary>
public static partial class Voters
{
    public static async Task<List<Voter>> LogInAsync(Uri baseAddress, IEnumerable<string> emails, string password, string ideaPath,
        CancellationToken ct)
    {
        // A few at a time: each login runs Identity's PBKDF2 check, which is meant to be slow.
        using var gate = new SemaphoreSlim(4);
        var tasks = emails.Select(async email =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await LogInOneAsync(baseAddress, email, password, ideaPath, ct);
            }
            finally
            {
                gate.Release();
            }
        });
        return (await Task.WhenAll(tasks)).ToList();
    }

    private static async Task<Voter> LogInOneAsync(Uri baseAddress, string email, string password, string ideaPath, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
        var form = await client.GetStringAsync("/konto/logg-inn", ct);
        using var login = await client.PostAsync("/konto/logg-inn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = TokenIn(form) ?? throw new InvalidOperationException("No antiforgery token on /konto/logg-inn."),
        }), ct);
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Logging in {email} gave {(int)login.StatusCode}, not a redirect.");
        }
        // Tokens are bound to the person and their antiforgery cookie: fetched once per person, reused for every vote.
        // (Any page with a form would do: the front page is the fallback, so the harness runs before the idea pages exist.)
        string? token = null;
        foreach (var path in new[] { ideaPath, "/" })
        {
            using var page = await client.GetAsync(path, ct);
            token ??= TokenIn(await page.Content.ReadAsStringAsync(ct));
        }
        if (token is null)
        {
            throw new InvalidOperationException($"No antiforgery token on {ideaPath} or / for {email}.");
        }
        return new Voter(email, cookies.GetCookieHeader(baseAddress), token);
    }

    internal static string? TokenIn(string html)
    {
        var input = TokenInput().Match(html);
        return input.Success ? WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value) : null;
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*>""")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
