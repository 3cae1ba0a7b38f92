using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Bylab.Web;

/// <summary>What a form view needs of the model state: a field's errors and what the person typed, shown again as typed.</summary>
public static class FormState
{
    public static List<string> ErrorsFor(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>What was posted for the field, or else the model's value.</summary>
    public static string? AttemptedOr(this ModelStateDictionary state, string key, object? model) =>
        state.TryGetValue(key, out var entry) && entry.AttemptedValue is not null ? entry.AttemptedValue : model?.ToString();
}
