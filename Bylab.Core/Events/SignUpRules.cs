using Bylab.Core.Common;

namespace Bylab.Core.Events;

/// <summary>
/// The rules of the sign-up form, shared by the web form's validator (which names the problem on the field) and
/// <see cref="SignUpService"/> (which refuses whatever got past it). The event decides how many companions may
/// come and whether needs and the organiser's question are asked.
/// </summary>
public static class SignUpRules
{
    public static readonly TextRule Name = new(nameof(SignUpInput.Name), Registration.NameMaxLength, Required: true);
    public static readonly TextRule Email = new(nameof(SignUpInput.Email), Registration.EmailMaxLength, Required: true, TextFormat.Email);
    public static readonly TextRule Needs = new(nameof(SignUpInput.Needs), Registration.NeedsMaxLength, MultiLine: true);
    public static readonly TextRule Answer = new(nameof(SignUpInput.Answer), Registration.AnswerMaxLength, MultiLine: true);

    /// <summary>The most companions one sign-up may bring: the event's limit, and never a group bigger than the event (it would wait forever).</summary>
    public static int MostCompanions(int maxCompanions, int capacity) => Math.Min(maxCompanions, capacity - 1);

    public static string? CheckCompanions(int companions, int mostCompanions) =>
        companions < 0 || companions > mostCompanions ? FieldErrors.OutOfRange : null;

    /// <summary>The fields refused, in form order.</summary>
    public static IReadOnlyList<string> InvalidFields(Event ev, SignUpInput input)
    {
        var invalid = new List<string>();
        if (Name.Check(input.Name) is not null)
        {
            invalid.Add(Name.Field);
        }
        if (Email.Check(input.Email) is not null)
        {
            invalid.Add(Email.Field);
        }
        if (CheckCompanions(input.Companions, MostCompanions(ev.MaxCompanions, ev.Capacity)) is not null)
        {
            invalid.Add(nameof(SignUpInput.Companions));
        }
        if (ev.AskNeeds && Needs.Check(input.Needs) is not null)
        {
            invalid.Add(Needs.Field);
        }
        if (ev.Question is not null && Answer.Check(input.Answer) is not null)
        {
            invalid.Add(Answer.Field);
        }
        if (!input.Consent)
        {
            invalid.Add(nameof(SignUpInput.Consent));
        }
        return invalid;
    }
}
