using Bylab.Core.Common;
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

    /// <summary>A Core <see cref="TextRule"/> as a validation rule: the message for the code it fails with.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Follows<T>(this IRuleBuilder<T, string?> rule, TextRule text,
        Func<TextRule, string, string> message) =>
        rule.Custom((value, context) =>
        {
            if (text.Check(value) is { } code)
            {
                context.AddFailure(message(text, code));
            }
        });

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
/// Core's control-character rule (<see cref="TextRule.IsOneLine"/>, <see cref="TextRule.IsPlainText"/>) for forms whose
/// fields are not yet Core <see cref="TextRule"/>s (those get it through <see cref="Validation.Follows{T}"/>), with the
/// message on the field in the person's language. The Core guards of the same input ask the same rule.
/// </summary>
public static class TextRules
{
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> l) =>
        rule.Must(t => TextRule.IsOneLine(t?.Trim())).WithMessage(_ => l["Validation.SingleLine"]);

    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> l) =>
        rule.Must(TextRule.IsPlainText).WithMessage(_ => l["Validation.ControlCharacters"]);
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
