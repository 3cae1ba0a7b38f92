using System.Globalization;
using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Events;

/// <summary>The programme: the list, the month calendar, one event with its sign-up form, and the page that says «check your e-mail».</summary>
[AllowAnonymous]
[Route("arrangementer")]
public sealed class EventsController(
    EventQueries queries,
    IdeaQueries ideas,
    UserManager<BylabUser> users,
    TimeProvider time,
    IOptions<EventOptions> options) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ProgrammeQuery query, CancellationToken ct)
    {
        var themes = await ideas.ThemesAsync(ct);
        var filter = Filter(query, themes, Core.Common.Paged<EventListItem>.Clamp(query.Side));
        return View(new ProgrammeModel(query, await queries.ProgrammeAsync(filter, ct), themes));
    }

    [HttpGet("kalender")]
    public async Task<IActionResult> Calendar([FromQuery] ProgrammeQuery query, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(OsloTime.ToOslo(time.GetUtcNow().UtcDateTime));
        // A month outside what anyone plans for, or a half-given one, falls back to this month.
        var (year, month) = query is { Ar: >= 2000 and <= 2100 and var y, Maned: >= 1 and <= 12 and var m } ? (y, m) : (today.Year, today.Month);
        query.Ar = year;
        query.Maned = month;
        var themes = await ideas.ThemesAsync(ct);
        var events = await queries.MonthAsync(year, month, Filter(query, themes, 1), ct);
        var byDay = events.ToLookup(e => DateOnly.FromDateTime(OsloTime.ToOslo(e.StartsAt)));
        return View(new MonthModel(query, themes, year, month, today, Weeks(year, month), byDay, events.Count));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Details(string slug, [FromServices] Core.Moderation.ReportQueries reports, CancellationToken ct)
    {
        var viewer = users.GetUserId(User);
        if (await queries.BySlugAsync(slug, viewer, ct) is not { } ev)
        {
            // A hidden event keeps its address: the page says that it was hidden and why, never what it said.
            return await queries.WithheldBySlugAsync(slug, ct) is { } withheld ? View("Withheld", withheld) : NotFound();
        }
        if (viewer is not null && viewer != ev.OwnerId)
        {
            ViewData["Reported"] = await reports.ReportedAsync(viewer, Core.Moderation.ContentKind.Event, ev.Id, ct);
        }
        return await PageAsync(ev, new SignUpForm());
    }

    [HttpPost("{slug}/pamelding")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> SignUp(
        string slug,
        SignUpForm form,
        [FromServices] SignUpService signUps,
        [FromServices] IValidator<SignUpForm> validator,
        [FromServices] IStringLocalizer<EventsResource> l,
        CancellationToken ct)
    {
        if (await queries.BySlugAsync(slug, users.GetUserId(User), ct) is not { } ev)
        {
            return NotFound();
        }
        var account = await users.GetUserAsync(User);
        form.IsGuest = account is null;
        form.MaxCompanions = SignUpRules.MostCompanions(ev.MaxCompanions, ev.Capacity);
        // Fields the event does not ask for are ignored, whatever was posted.
        form.Companions = ev.MaxCompanions > 0 ? form.Companions : null;
        form.Needs = ev.AskNeeds ? form.Needs : null;
        form.Answer = ev.Question is null ? null : form.Answer;
        if (!ModelState.Validate(validator, form))
        {
            return await PageAsync(ev, form);
        }

        var input = form.ToInput(account?.DisplayName ?? form.Name!, account?.Email ?? form.Email!, CultureInfo.CurrentUICulture.Name);
        var result = await signUps.SignUpAsync(ev.Id, account?.Id, input, ct);
        switch (result.Outcome)
        {
            case SignUpOutcome.Confirmed or SignUpOutcome.Waitlisted or SignUpOutcome.AlreadyRegistered:
                TempData["Message"] = result.Outcome switch
                {
                    SignUpOutcome.Confirmed => l["SignUp.Confirmed", ev.Title].Value,
                    SignUpOutcome.Waitlisted => l["SignUp.Waitlisted", result.WaitlistPosition ?? 1].Value,
                    _ => l["SignUp.AlreadyRegistered"].Value,
                };
                return new SeeOtherResult(EventPaths.Registration(result.ManageToken!));
            case SignUpOutcome.CheckEmail:
                return new SeeOtherResult(EventPaths.CheckEmail(ev.Slug));
            case SignUpOutcome.NotOpen:
                // The window closed (or the event was called off) while the form was open: say so and keep what was typed.
                var now = await queries.BySlugAsync(slug, account?.Id, ct) ?? ev;
                ModelState.AddModelError("", now.Status == EventStatus.Cancelled ? l["SignUp.NotOpen.Cancelled"] : l["SignUp.NotOpen"]);
                return await PageAsync(now, form);
            case SignUpOutcome.InvalidInput:
                foreach (var field in result.InvalidFields ?? [])
                {
                    ModelState.AddModelError(field, l["Validation.Invalid." + field]);
                }
                if (ModelState.IsValid)
                {
                    ModelState.AddModelError("", l["Validation.Invalid"]);
                }
                return await PageAsync(ev, form);
            default:
                return NotFound();
        }
    }

    [HttpGet("{slug}/sjekk-e-post")]
    public async Task<IActionResult> CheckEmail(string slug, CancellationToken ct)
    {
        if (await queries.BySlugAsync(slug, null, ct) is not { } ev)
        {
            return NotFound();
        }
        ViewData["ExpiryHours"] = options.Value.UnconfirmedExpiryHours;
        return View(ev);
    }

    private async Task<IActionResult> PageAsync(EventDetails ev, SignUpForm form)
    {
        var account = await users.GetUserAsync(User);
        form.IsGuest = account is null;
        form.MaxCompanions = SignUpRules.MostCompanions(ev.MaxCompanions, ev.Capacity);
        ViewData["Page"] = new EventPageModel(ev, account?.DisplayName, account?.Email, options.Value.DeletePersonalDataAfterDays,
            time.GetUtcNow().UtcDateTime);
        return View("Details", form);
    }

    private static EventFilter Filter(ProgrammeQuery query, IReadOnlyList<Theme> themes, int page)
    {
        var themeId = themes.FirstOrDefault(t => t.Slug == query.Tema)?.Id;
        if (themeId is null)
        {
            query.Tema = null;
        }
        return new EventFilter(themeId, query.Audience, page);
    }

    /// <summary>The month as weeks from Monday to Sunday; the days before the 1st and after the last are null.</summary>
    private static List<IReadOnlyList<DateOnly?>> Weeks(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var lead = ((int)first.DayOfWeek + 6) % 7;
        var days = DateTime.DaysInMonth(year, month);
        var cells = Enumerable.Repeat<DateOnly?>(null, lead)
            .Concat(Enumerable.Range(0, days).Select(d => (DateOnly?)first.AddDays(d)))
            .ToList();
        while (cells.Count % 7 != 0)
        {
            cells.Add(null);
        }
        return cells.Chunk(7).Select(w => (IReadOnlyList<DateOnly?>)w).ToList();
    }
}

/// <summary>303 See Other: after a form post the browser fetches the next page with GET, whatever the post was.</summary>
public sealed class SeeOtherResult(string url) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = url;
        return Task.CompletedTask;
    }
}
