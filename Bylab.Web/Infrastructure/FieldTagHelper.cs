using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using System.Text.Encodings.Web;

namespace Bylab.Web;

/// <summary>
/// One form field the way every Bylab form shows it: a label, an optional description, the input,
/// and the error message tied to the input with aria-describedby. What the person typed is kept after
/// an error, except in password fields.
/// </summary>
[HtmlTargetElement("bylab-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("for")]
    public required Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }

    public required string Label { get; set; }
    public string? Description { get; set; }

    /// <summary>text, email, password, textarea, number, date, datetime-local, tel, url or checkbox.</summary>
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public int? Maxlength { get; set; }
    public bool Required { get; set; }
    public int Rows { get; set; } = 6;
    public string? Inputmode { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(e => !string.IsNullOrEmpty(e)).ToList() ?? [];
        var value = Type == "password" ? null : state?.AttemptedValue ?? FormatModelValue();

        var describedBy = new List<string>();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Type == "checkbox" ? "ds-field bylab-field bylab-field--checkbox" : "ds-field bylab-field");

        var html = new System.Text.StringBuilder();
        string E(string? s) => encoder.Encode(s ?? "");

        string Input()
        {
            var attrs = $" id=\"{id}\" name=\"{E(name)}\" class=\"ds-input\"";
            if (Required) attrs += " required aria-required=\"true\"";
            if (Maxlength is { } max) attrs += $" maxlength=\"{max}\"";
            if (Autocomplete is not null) attrs += $" autocomplete=\"{E(Autocomplete)}\"";
            if (Inputmode is not null) attrs += $" inputmode=\"{E(Inputmode)}\"";
            if (errors.Count > 0) attrs += " aria-invalid=\"true\"";
            if (describedBy.Count > 0) attrs += $" aria-describedby=\"{string.Join(' ', describedBy)}\"";
            return Type switch
            {
                "textarea" => $"<textarea{attrs} rows=\"{Rows}\">{E(value)}</textarea>",
                "checkbox" => $"<input{attrs} type=\"checkbox\" value=\"true\"{(IsChecked(value) ? " checked" : "")}><input type=\"hidden\" name=\"{E(name)}\" value=\"false\">",
                _ => $"<input{attrs} type=\"{E(Type)}\" value=\"{E(value)}\">",
            };
        }

        if (Description is not null) describedBy.Add(id + "-description");
        if (errors.Count > 0) describedBy.Add(id + "-error");

        if (Type == "checkbox")
        {
            html.Append(Input());
            html.Append($"<label class=\"ds-label\" for=\"{id}\" data-weight=\"regular\">{E(Label)}</label>");
        }
        else
        {
            html.Append($"<label class=\"ds-label\" for=\"{id}\">{E(Label)}</label>");
        }
        if (Description is not null)
        {
            html.Append($"<div class=\"ds-paragraph bylab-field__description\" data-size=\"sm\" id=\"{id}-description\">{E(Description)}</div>");
        }
        if (Type != "checkbox")
        {
            html.Append(Input());
        }
        if (errors.Count > 0)
        {
            html.Append($"<div class=\"ds-validation-message\" data-color=\"danger\" id=\"{id}-error\">{E(string.Join(" ", errors))}</div>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }

    private string? FormatModelValue() => For.Model switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateTime d => d.ToString(Type == "date" ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    private static bool IsChecked(string? value) =>
        value is not null && value.Split(',').Any(v => string.Equals(v.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}
