using System.Globalization;
using Bylab.Core.Bookings;
using Bylab.Core.Common;
using Bylab.Core.Venue;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Bookings;

/// <summary>
/// The message for a broken booking rule, from a form's validator or from the Core services alike, in the person's
/// language: "Error.{Field}.{code}", else "Error.{code}", with what the rule says (hours, a holiday, a quota) filled in.
/// </summary>
public static class BookingMessages
{
    public static string For(IStringLocalizer l, BookingProblem p)
    {
        var args = p.Code switch
        {
            BookingErrors.TooLongBooking => [BookingText.Hours((int)p.Args![0] / 60.0)],
            BookingErrors.ClosedDay => [BookingText.Closed(l, p.Closed, p.Date ?? default), p.Date is { } d ? BookingText.Day(d) : ""],
            BookingErrors.OverQuota => [p.Args![0], BookingText.Hours(Convert.ToDouble(p.Args[1], CultureInfo.InvariantCulture)),
                new DateTime((int)p.Args[2], (int)p.Args[3], 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture)],
            BookingErrors.EquipmentMissing => [BookingText.Equipment(l, (SpaceEquipment)p.Args![0])],
            BookingErrors.OutsideBooking when p.Args is [DateTime s, DateTime e] => [BookingText.When(s, e)],
            _ => p.Args?.ToArray() ?? LimitArgs(p.Field),
        };
        var specific = l[$"Error.{p.Field}.{p.Code}", args];
        if (!specific.ResourceNotFound)
        {
            return specific;
        }
        var general = l["Error." + p.Code, args];
        return general.ResourceNotFound ? l["Error.invalid"] : general;
    }

    public static string For(IStringLocalizer l, FieldError e) => For(l, BookingProblem.From(e));

    /// <summary>The limit a length or range message names.</summary>
    private static object[] LimitArgs(string field) =>
        (BookingRules.LimitOf(field) ?? VenueRules.LimitOf(field) ?? SpaceRules.LimitOf(field) ?? Core.Organisations.OrganisationRules.LimitOf(field)) is { } n
            ? [n] : [];

    /// <summary>
    /// Core's refusal on the form's fields: <paramref name="fieldOf"/> maps a Core field to the form's (the request form
    /// has a date and two clock times where Core has two instants); never a silent failure.
    /// </summary>
    public static void AddTo(ModelStateDictionary modelState, IEnumerable<BookingProblem> problems, IStringLocalizer l, Func<BookingProblem, string>? fieldOf = null)
    {
        foreach (var p in problems)
        {
            modelState.AddModelError(fieldOf?.Invoke(p) ?? p.Field, For(l, p));
        }
        if (modelState.IsValid)
        {
            modelState.AddModelError("", l["Error.invalid"]);
        }
    }

    public static void AddTo(ModelStateDictionary modelState, IEnumerable<FieldError> errors, IStringLocalizer l) =>
        AddTo(modelState, errors.Select(BookingProblem.From), l);
}
