using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web;

/// <summary>Model binding's own messages ("The value 'x' is not valid") in the person's language.</summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, _) => l["Binding.InvalidValue", value]);
        m.SetValueIsInvalidAccessor(value => l["Binding.InvalidValue", value]);
        m.SetMissingBindRequiredValueAccessor(_ => l["Binding.Missing"]);
        m.SetMissingKeyOrValueAccessor(() => l["Binding.Missing"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Binding.Missing"]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Binding.InvalidValue", value]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding.Invalid"]);
        m.SetUnknownValueIsInvalidAccessor(_ => l["Binding.Invalid"]);
        m.SetValueMustNotBeNullAccessor(_ => l["Binding.Missing"]);
        m.SetValueMustBeANumberAccessor(_ => l["Binding.NotANumber"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding.NotANumber"]);
    }
}
