using System.Globalization;
using Bylab.Core.Common;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Events;

/// <summary>
/// The sign-up form on an event page. A signed-in person's name and e-mail come from the account, so the
/// form leaves them out; the event decides whether companions, needs and the organiser's question are asked.
/// </summary>
public sealed class SignUpForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }

    /// <summary>
    /// Kept as typed: «-1», «9999» or «to» get the validator's clear message (and stay in the field)
    /// instead of model binding's generic one. Empty means none.
    /// </summary>
    public string? Companions { get; set; } = "0";
    public string? Needs { get; set; }
    public string? Answer { get; set; }
    public bool Consent { get; set; }

    /// <summary>
    /// Set by the controller from the event (<see cref="SignUpRules.MostCompanions"/>) and the account, never from the request.
    /// </summary>
    [BindNever] public int MaxCompanions { get; set; }
    [BindNever] public bool IsGuest { get; set; } = true;

    /// <summary>The number typed, or null when the field is empty or not a whole number.</summary>
    public int? CompanionCount =>
        int.TryParse(Companions?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public SignUpInput ToInput(string name, string email, string culture) => new(
        name.Trim(),
        email.Trim(),
        MaxCompanions > 0 ? CompanionCount ?? 0 : 0,
        string.IsNullOrWhiteSpace(Needs) ? null : Needs.Trim(),
        string.IsNullOrWhiteSpace(Answer) ? null : Answer.Trim(),
        Consent,
        culture);
}

/// <summary>The sign-up form's messages for Core's <see cref="SignUpRules"/>, which <see cref="SignUpService"/> holds too.</summary>
public sealed class SignUpFormValidator : AbstractValidator<SignUpForm>
{
    public SignUpFormValidator(IStringLocalizer<EventsResource> l)
    {
        // "Validation.{Field}.{code}", else "Validation.{code}" (a rule every text field has, such as one line).
        string Message(TextRule rule, string code) =>
            l[$"Validation.{rule.Field}.{code}", rule.MaxLength] is { ResourceNotFound: false } specific ? specific : l[$"Validation.{code}", rule.MaxLength];
        When(f => f.IsGuest, () =>
        {
            RuleFor(f => f.Name).Follows(SignUpRules.Name, Message);
            RuleFor(f => f.Email).Follows(SignUpRules.Email, Message);
        });
        RuleFor(f => f.Companions)
            .Must((f, c) => string.IsNullOrWhiteSpace(c) || f.CompanionCount is { } n && SignUpRules.CheckCompanions(n, f.MaxCompanions) is null)
            .WithMessage(f => l["Validation.Companions.out-of-range", f.MaxCompanions]);
        RuleFor(f => f.Needs).Follows(SignUpRules.Needs, Message);
        RuleFor(f => f.Answer).Follows(SignUpRules.Answer, Message);
        RuleFor(f => f.Consent).Equal(true).WithMessage(_ => l["Validation.Consent.required"]);
    }
}

/// <summary>The programme filters as they appear in the address: /arrangementer?tema=klima&amp;publikum=youth&amp;side=2. Unknown values are ignored.</summary>
public sealed class ProgrammeQuery
{
    public string? Tema { get; set; }
    public string? Publikum { get; set; }
    public int Side { get; set; } = 1;

    /// <summary>The month view: /arrangementer/kalender?ar=2026&amp;maned=11.</summary>
    public int? Ar { get; set; }
    public int? Maned { get; set; }

    public static readonly IReadOnlyList<EventAudience> Audiences = Enum.GetValues<EventAudience>();

    public EventAudience? Audience =>
        Audiences.Cast<EventAudience?>().FirstOrDefault(a => AudienceSlug(a!.Value) == Publikum);

    public static string AudienceSlug(EventAudience audience) => audience.ToString().ToLowerInvariant();

    public bool HasFilters => Tema is not null || Audience is not null;

    /// <summary>Another page, another month or the other view of the same filters.</summary>
    public string Href(string path, int page = 1, int? year = null, int? month = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["tema"] = Tema,
            ["publikum"] = Audience is null ? null : Publikum,
            ["ar"] = year?.ToString(CultureInfo.InvariantCulture),
            ["maned"] = month?.ToString(CultureInfo.InvariantCulture),
            ["side"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}

/// <summary>The programme list with what its filter form offers.</summary>
public sealed record ProgrammeModel(ProgrammeQuery Query, Paged<EventListItem> Events, IReadOnlyList<Theme> Themes);

/// <summary>One month of the programme as weeks of days, Monday first.</summary>
/// <param name="Weeks">Each week seven days; days outside the month are null.</param>
public sealed record MonthModel(
    ProgrammeQuery Query,
    IReadOnlyList<Theme> Themes,
    int Year,
    int Month,
    DateOnly Today,
    IReadOnlyList<IReadOnlyList<DateOnly?>> Weeks,
    ILookup<DateOnly, EventListItem> EventsByDay,
    int EventCount)
{
    public DateOnly First => new(Year, Month, 1);
    public DateOnly Previous => First.AddMonths(-1);
    public DateOnly Next => First.AddMonths(1);
}

/// <summary>What the event page shows around the sign-up form (in ViewData["Page"]; the form is the model, so its fields bind as they are).</summary>
/// <param name="DeleteAfterDays">The deletion period the consent text names.</param>
public sealed record EventPageModel(EventDetails Event, string? AccountName, string? AccountEmail, int DeleteAfterDays, DateTime Now)
{
    public bool IsFull => Event.PlacesLeft == 0 || Event.WaitlistCount > 0;
}

/// <summary>The personal page reached by the link in the e-mail.</summary>
public sealed record RegistrationPageModel(RegistrationView Registration, string QrUrl, string CalendarUrl);

/// <summary>The theme and audience filter form, shared by the list and the month view.</summary>
/// <param name="Path">Where the form sends its GET: the list or the month view.</param>
public sealed record FilterModel(ProgrammeQuery Query, IReadOnlyList<Theme> Themes, string Path);
