using System.Net;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// An HTTP client that behaves like a browser without JavaScript: it reads a page, fills in a form
/// found on it (keeping the hidden antiforgery token) and posts it.
/// </summary>
public sealed partial class BylabClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.GetAsync(url);
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    /// <summary>
    /// Posts the form matched by <paramref name="formSelector"/> on the page at <paramref name="url"/>,
    /// with its current values (hidden fields included) overridden by <paramref name="values"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IDictionary<string, string> values, string formSelector = "main form", string? submitter = null)
    {
        var page = await GetPageAsync(url);
        return await SubmitAsync(page, values, formSelector, submitter);
    }

    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, IDictionary<string, string> values, string formSelector = "main form", string? submitter = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked && !string.IsNullOrEmpty(box.Name):
                    fields.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }
        foreach (var (name, value) in values)
        {
            // A checkbox ticked by the test: replace the hidden "false" that follows it.
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        if (submitter is not null)
        {
            var button = form.QuerySelector<IHtmlButtonElement>(submitter) ?? throw new InvalidOperationException($"No button '{submitter}'");
            if (!string.IsNullOrEmpty(button.Name))
            {
                fields.Add(new(button.Name!, button.Value));
            }
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : new Uri(new Uri(page.Url), form.GetAttribute("action")!).ToString();
        return await http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts raw fields, for tests that tamper with what a form would send.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>The antiforgery token from any form on a page, for raw posts that still want to pass it.</summary>
    public static string TokenFrom(IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No antiforgery token on the page");

    public async Task LogInAsync(string email, string password)
    {
        var response = await SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Logs in a user who has two-factor on, using a code computed from their key.</summary>
    public async Task LogInWithTotpAsync(string email, string password, string authenticatorKey)
    {
        var response = await SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var codePage = response.Headers.Location!.ToString();
        Assert.Contains("/konto/logg-inn/kode", codePage);
        var second = await SubmitAsync(codePage, new Dictionary<string, string> { ["Code"] = Totp.Code(authenticatorKey) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
    }

    public static string FirstLink(string text) =>
        LinkPattern().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException("No link in: " + text);

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();

    public void Dispose() => http.Dispose();
}

public static class DocumentExtensions
{
    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument page) =>
        page.QuerySelectorAll(".ds-error-summary li").Select(li => li.TextContent.Trim()).ToList();

    public static string? FieldValue(this IHtmlDocument page, string name) =>
        page.QuerySelector<IHtmlInputElement>($"[name='{name}']")?.Value
        ?? page.QuerySelector<IHtmlTextAreaElement>($"[name='{name}']")?.Value;
}
