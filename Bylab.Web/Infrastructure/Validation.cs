using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web;

public static class Validation
{
    /// <summary>Runs a FluentValidation validator explicitly and puts its failures into model state, keyed by property.</summary>
    public static bool Validate<T>(this ModelStateDictionary modelState, IValidator<T> validator, T model)
    {
        var result = validator.Validate(model);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
        return modelState.IsValid;
    }

    /// <summary>Identity's errors by code, translated; the key is "Identity.{Code}" in the shared resources.</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, IStringLocalizer<SharedResource> l, string key = "")
    {
        foreach (var error in result.Errors)
        {
            var text = l["Identity." + error.Code];
            modelState.AddModelError(key, text.ResourceNotFound ? l["Identity.Unknown"] : text);
        }
    }
}

/// <summary>
/// The form side of Core's <see cref="Bylab.Core.Common.SingleLineText"/> rule, with the message on the field in the
/// person's language. Every single-line field of every form calls <see cref="SingleLine{T}"/>; text that may span lines
/// calls <see cref="NoControlCharacters{T}"/>. The Core guards hold the same rule for any caller that skips the form.
/// </summary>
public static class TextRules
{
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> l) =>
        rule.Must(t => Bylab.Core.Common.SingleLineText.IsValid(t?.Trim())).WithMessage(_ => l["Validation.SingleLine"]);

    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> l) =>
        rule.Must(Bylab.Core.Common.SingleLineText.IsValidMultiLine).WithMessage(_ => l["Validation.ControlCharacters"]);
}

public static class ValidatorRegistration
{
    /// <summary>Registers every FluentValidation validator in the assembly; controllers call them explicitly.</summary>
    public static IServiceCollection AddValidatorsFrom(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddScoped(contract, type);
            }
        }
        return services;
    }
}
