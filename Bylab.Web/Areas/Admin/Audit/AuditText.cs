using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Bylab.Core.Auditing;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Audit;

/// <summary>
/// The audit log as a person reads it. An entry stores codes and raw values (<c>idea.answered</c>,
/// <c>UnderConsideration</c>, <c>2026-12-01T17:00:00.0000000Z</c>, <c>+[Staff]</c>); here they become names and times
/// in the reader's language, Oslo time, with links to what the entry concerns.
/// </summary>
public sealed partial class AuditText(
    IStringLocalizer<AdminResource> a,
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<Features.Organise.OrganiseResource> organise)
{
    /// <summary>Every action code the code knows, so the filter offers kinds that have not happened yet too.</summary>
    public static readonly IReadOnlyList<string> KnownActions =
        new[] { typeof(AuditActions), typeof(IdeaAuditActions), typeof(EventAuditActions), typeof(Bylab.Core.Moderation.ModerationAuditActions), typeof(Bylab.Core.Summaries.SummaryAuditActions) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct().Order(StringComparer.Ordinal).ToList();

    public string ActionName(string code) => a["Audit." + code] is { ResourceNotFound: false } text ? text.Value : code;

    /// <summary>The link to what an entry concerns, named as it is called now; plain text when there is no page for it.</summary>
    public IHtmlContent Target(AuditRow row)
    {
        var e = row.Entry;
        if (e.TargetId is null)
        {
            return HtmlString.Empty;
        }
        var type = e.TargetType?.ToLowerInvariant();
        var href = type switch
        {
            "user" => "/admin/brukere/" + Uri.EscapeDataString(e.TargetId),
            "event" => "/arrangor/arrangementer/" + Uri.EscapeDataString(e.TargetId),
            "idea" => "/admin/ideer/" + Uri.EscapeDataString(e.TargetId),
            "consultation" => $"/admin/medvirkninger/{Uri.EscapeDataString(e.TargetId)}/rediger",
            "theme" => $"/admin/temaer/{Uri.EscapeDataString(e.TargetId)}/rediger",
            _ => null,
        };
        var kind = a["Audit.Kind." + type] is { ResourceNotFound: false } k ? k.Value : e.TargetType;
        var name = row.TargetName ?? (type == "user" ? a["Audit.DeletedUser"].Value : a["Audit.Gone", e.TargetId].Value);
        var html = new HtmlContentBuilder();
        html.Append(kind + ": ");
        if (href is not null && row.TargetName is not null)
        {
            html.AppendHtml($"<a class=\"ds-link\" href=\"{HtmlEncoder.Default.Encode(href)}\">");
            html.Append(name);
            html.AppendHtml("</a>");
        }
        else
        {
            html.Append(name);
        }
        return html;
    }

    /// <summary>The entry's details in words: statuses and roles by name, times in Oslo time, referenced ideas and events as links.</summary>
    public IHtmlContent Details(AuditEntry e)
    {
        var html = new HtmlContentBuilder();
        var d = e.Details ?? "";
        switch (e.Action)
        {
            case IdeaAuditActions.IdeaAnswered when Enum.TryParse<IdeaStatus>(d, out var status):
                html.Append(a["Audit.AnsweredWith", a["Ideas.Status." + status].Value].Value);
                return html;
            case IdeaAuditActions.IdeaMerged when IdAfter(d, "into ") is { } target:
                return Link(html, a["Audit.MergedInto", target].Value, "/admin/ideer/" + target);
            case EventAuditActions.RegistrationRemoved when IdAfter(d, "registration ") is { } registration:
                html.Append(a["Audit.RegistrationNo", registration].Value);
                return html;
            case EventAuditActions.EventCancelled when CancelledCount().Match(d) is { Success: true } m:
                html.Append(Times(m.Groups[1].Value) + "; " + a["Audit.RegistrationsCancelled", m.Groups[2].Value].Value);
                return html;
            case EventAuditActions.EventCopied when CopiedFrom().Match(d) is { Success: true } m:
                html.Append(Times(m.Groups[1].Value) + "; ");
                return Link(html, a["Audit.CopiedFrom", m.Groups[2].Value].Value, "/arrangor/arrangementer/" + m.Groups[2].Value);
            case EventAuditActions.EventUpdated when d.LastIndexOf("; ", StringComparison.Ordinal) is var at and > 0:
                var fields = d[(at + 2)..].Split(", ").Select(FieldName);
                html.Append(d[..at] + "; " + a["Audit.Changed", string.Join(", ", fields)].Value);
                return html;
            case AuditActions.RolesChanged when RolesChange().Match(d) is { Success: true } m:
                var changes = new[] { Roles(m.Groups[2].Value, "Audit.RolesAdded"), Roles(m.Groups[3].Value, "Audit.RolesRemoved") };
                html.Append(m.Groups[1].Value + ": " + string.Join("; ", changes.Where(c => c.Length > 0)));
                return html;
            default:
                html.Append(Times(d));
                return html;
        }
    }

    /// <summary>Every ISO 8601 instant in the text («2026-12-01T17:00:00.0000000Z») as Oslo time in the reader's language.</summary>
    public static string Times(string text) => IsoInstant().Replace(text, m =>
        DateTimeOffset.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? Display.DateTime(at.UtcDateTime)
            : m.Value);

    private static HtmlContentBuilder Link(HtmlContentBuilder html, string text, string href)
    {
        html.AppendHtml($"<a class=\"ds-link\" href=\"{HtmlEncoder.Default.Encode(href)}\">");
        html.Append(text);
        html.AppendHtml("</a>");
        return html;
    }

    private static string? IdAfter(string details, string prefix) =>
        details.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(details[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id.ToString(CultureInfo.InvariantCulture) : null;

    private string FieldName(string code)
    {
        var key = code switch { "DescriptionMarkdown" => "Description", "ThemeId" => "Theme", "VenueId" => "Venue", _ => code };
        return organise["Field." + key] is { ResourceNotFound: false } text ? text.Value.ToLower(CultureInfo.CurrentCulture) : code;
    }

    private string Roles(string list, string key)
    {
        var names = list.Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Select(r => shared["Role." + r] is { ResourceNotFound: false } n ? n.Value : r).ToList();
        return names.Count == 0 ? "" : a[key, string.Join(", ", names)].Value;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex IsoInstant();

    [GeneratedRegex(@"^(.*); (\d+) registrations cancelled$", RegexOptions.Singleline)]
    private static partial Regex CancelledCount();

    [GeneratedRegex(@"^(.*); from (\d+)$", RegexOptions.Singleline)]
    private static partial Regex CopiedFrom();

    [GeneratedRegex(@"^(.*): \+\[(.*)\] -\[(.*)\]$", RegexOptions.Singleline)]
    private static partial Regex RolesChange();
}
