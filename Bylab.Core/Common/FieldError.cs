namespace Bylab.Core.Common;

/// <summary>A rule the input broke: <paramref name="Field"/> is a property of the input (and of the web form), <paramref name="Code"/> a stable code.</summary>
public sealed record FieldError(string Field, string Code);

/// <summary>Collecting broken rules in form order: the venue, organisation and booking rules share these.</summary>
public static class FieldErrorList
{
    public static void Add(this List<FieldError> errors, string field, string code) => errors.Add(new FieldError(field, code));

    public static void Text(this List<FieldError> errors, TextRule rule, string? value)
    {
        if (rule.Check(value) is { } code)
        {
            errors.Add(new FieldError(rule.Field, code));
        }
    }

    public static void Range(this List<FieldError> errors, RangeRule rule, int? value)
    {
        if (rule.Check(value) is { } code)
        {
            errors.Add(new FieldError(rule.Field, code));
        }
    }
}
