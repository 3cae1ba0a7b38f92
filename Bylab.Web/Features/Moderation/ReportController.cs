using Bylab.Core.Moderation;
using Bylab.Web.Features.Events;
using Bylab.Web.Features.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Moderation;

/// <summary>
/// Reporting an idea, a comment or an event: a page of its own with a plain form (works without JavaScript), for signed-in
/// people only (the fallback policy). The page says when the person already reported the item, wrote it, or it is gone.
/// </summary>
[Route("meld/{kind}/{id:int}")]
public sealed class ReportController(ReportQueries queries, ReportService reports, IStringLocalizer<ModerationResource> l) : Controller
{
    /// <summary>The address's word for each kind, in Norwegian as the site's other addresses.</summary>
    private static readonly Dictionary<string, ContentKind> Kinds = new(StringComparer.Ordinal)
    {
        ["ide"] = ContentKind.Idea, ["kommentar"] = ContentKind.Comment, ["arrangement"] = ContentKind.Event,
    };

    public static string PathOf(ContentKind kind, int id) => $"/meld/{Kinds.Single(k => k.Value == kind).Key}/{id}";

    /// <summary>The kind an address's word names («ide», «kommentar», «arrangement»), or null.</summary>
    public static ContentKind? KindOf(string word) => Kinds.TryGetValue(word, out var k) ? k : null;

    [HttpGet("")]
    public async Task<IActionResult> Form(string kind, int id, CancellationToken ct) =>
        await PageAsync(kind, id, ct) is { } page ? ReportView(page, new ReportForm()) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Send(string kind, int id, ReportForm form, [FromServices] IValidator<ReportForm> validator, CancellationToken ct)
    {
        if (await PageAsync(kind, id, ct) is not { } page)
        {
            return NotFound();
        }
        // Whether the person may report this at all is settled before the input is looked at.
        if (page.Target.IsOwn || !page.Target.Available || page.Target.AlreadyReported)
        {
            return ReportView(page, form);
        }
        if (!ModelState.Validate(validator, form))
        {
            return ReportView(page, form);
        }
        var result = await reports.ReportAsync(User.UserId(), page.Target.Kind, id, form.ParsedReason!.Value, form.Note, ct);
        switch (result.Outcome)
        {
            case ReportOutcome.Reported or ReportOutcome.ReportedAndHidden:
                TempData["Message"] = l[result.Outcome == ReportOutcome.Reported ? "Report.Done" : "Report.DoneHidden"].Value;
                return Redirect(result.Outcome == ReportOutcome.Reported ? page.BackPath : BackPathOf(page.Target, hidden: true));
            case ReportOutcome.NotFound:
                return NotFound();
            default:
                // A race since the page was read (a second tab, a replayed form): the page, read again, says why.
                TempData["Problem"] = l["Report." + result.Outcome].Value;
                return Redirect(page.Path);
        }
    }

    private ViewResult ReportView(ReportPage page, ReportForm form)
    {
        ViewData["Report"] = page;
        return View("Report", form);
    }

    private async Task<ReportPage?> PageAsync(string kind, int id, CancellationToken ct)
    {
        if (!Kinds.TryGetValue(kind, out var k) || await queries.TargetAsync(k, id, User.UserId(), ct) is not { } target)
        {
            return null;
        }
        return new ReportPage(target, PathOf(k, id), BackPathOf(target, hidden: false));
    }

    private static string BackPathOf(ReportTarget t, bool hidden) => t.Kind switch
    {
        ContentKind.Event => hidden ? EventPaths.Programme : EventPaths.Event(t.EventSlug!),
        ContentKind.Comment => IdeaPaths.Idea(t.IdeaSlug!) + "#kommentar-" + t.Id,
        _ => IdeaPaths.Idea(hidden ? Bylab.Core.Ideas.Slugs.WithId(null, t.Id) : t.IdeaSlug!),
    };
}
