using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HsctJournals.Web.Shared;

/// <summary>
/// One form field the same way everywhere: <c>&lt;field asp-for="Title" hint="…" required /&gt;</c> renders
/// the label, an optional hint, the input (or textarea) with the right <c>type</c>, and the field's error,
/// tied together with <c>aria-describedby</c>/<c>aria-invalid</c>. Name and id come from the model
/// expression and the view's field prefix (render a shared partial with <c>&lt;partial for="Input"&gt;</c>),
/// so the posted name always binds. Attributes the helper does not know (maxlength, autocomplete, rows,
/// inputmode…) are copied onto the input.
/// </summary>
/// <remarks>
/// Written by hand rather than composing the built-in input tag helper: forms here validate in a use case,
/// not through data annotations, so the built-in <c>data-val-*</c> output would be noise, and a field must
/// render the same whether or not the page cleared ModelState.
/// </remarks>
[HtmlTargetElement("field", Attributes = ForAttributeName, TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    private const string ForAttributeName = "asp-for";

    /// <summary>The property the field edits.</summary>
    [HtmlAttributeName(ForAttributeName)]
    public ModelExpression For { get; set; } = null!;

    /// <summary>Label text; defaults to the property's <c>[Display(Name)]</c>, then its name.</summary>
    public string? Label { get; set; }

    /// <summary>Help shown between label and input and announced with it.</summary>
    public string? Hint { get; set; }

    /// <summary>Input type (<c>text</c>, <c>email</c>, <c>date</c>, <c>number</c>, …) or <c>textarea</c>; inferred from the property when absent.</summary>
    public string? Type { get; set; }

    /// <summary>Ids of other elements that describe the field (e.g. a note shared by several fields), read before the hint.</summary>
    public string? DescribedBy { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var error = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
        // A plain (minimised) `required` attribute marks the field: the label gets " *", the input aria-required.
        var required = output.Attributes.ContainsName("required");
        var type = Type ?? InferType(For.Metadata.UnderlyingOrModelType, For.Metadata.DataTypeName);
        var hintId = Hint is null ? null : $"{id}-hint";
        var errorId = $"{id}-error";

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append((Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? name) + (required ? " *" : ""));

        var input = new TagBuilder(type == "textarea" ? "textarea" : "input");
        if (type != "textarea")
        {
            input.TagRenderMode = TagRenderMode.SelfClosing;
            input.Attributes["type"] = type;
        }
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        // Unknown attributes (maxlength, autocomplete, rows…) belong to the control, not to <field>.
        foreach (var attribute in output.Attributes.Where(a => a.Name != "required"))
            input.Attributes[attribute.Name] = Convert.ToString(attribute.Value, CultureInfo.InvariantCulture);
        if (!input.Attributes.ContainsKey("maxlength") && MaxLength(For.Metadata.ContainerType, For.Metadata.PropertyName) is { } max)
            input.Attributes["maxlength"] = max.ToString(CultureInfo.InvariantCulture);
        if (required)
        {
            input.Attributes["required"] = "required";
            input.Attributes["aria-required"] = "true";
        }
        var describedBy = string.Join(' ', new[] { DescribedBy, hintId, error is null ? null : errorId }.Where(x => !string.IsNullOrEmpty(x)));
        if (describedBy.Length > 0) input.Attributes["aria-describedby"] = describedBy;
        if (error is not null)
        {
            input.Attributes["aria-invalid"] = "true";
            input.AddCssClass("input-validation-error");
        }
        // What the person sent wins over the model, so a value that failed to bind is shown back as typed;
        // a password is never written into the page, so pages keep their ModelState without echoing one.
        var value = type == "password" ? null : entry?.AttemptedValue ?? Format(For.Model);
        if (type == "textarea") input.InnerHtml.Append(value ?? "");
        else if (value is not null) input.Attributes["value"] = value;

        var errorSpan = new TagBuilder("span");
        errorSpan.AddCssClass("field-error");
        errorSpan.Attributes["id"] = errorId;
        if (error is not null) errorSpan.InnerHtml.Append(error);

        output.TagName = null;
        output.Attributes.Clear();
        output.Content.AppendHtml(label);
        if (Hint is not null)
        {
            var hint = new TagBuilder("p");
            hint.AddCssClass("hint");
            hint.Attributes["id"] = hintId!;
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
        }
        output.Content.AppendHtml(input);
        output.Content.AppendHtml(errorSpan);
    }

    /// <summary>The input type a property's CLR type (or its <c>[DataType]</c>) asks for.</summary>
    public static string InferType(Type type, string? dataTypeName) => dataTypeName switch
    {
        nameof(DataType.EmailAddress) => "email",
        nameof(DataType.Password) => "password",
        nameof(DataType.Url) => "url",
        nameof(DataType.MultilineText) => "textarea",
        _ when type == typeof(DateOnly) => "date",
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "datetime-local",
        _ when type == typeof(int) || type == typeof(long) => "number",
        _ => "text",
    };

    private static string? Format(object? model) => model switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };

    private static int? MaxLength(Type? container, string? property)
    {
        var info = property is null ? null : container?.GetProperty(property);
        return info?.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength ?? info?.GetCustomAttribute<MaxLengthAttribute>()?.Length;
    }
}
