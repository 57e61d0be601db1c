using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HsctJournals.Web.Shared;

/// <summary>
/// One form field the same way everywhere: <c>&lt;field asp-for="Title" hint="…" required /&gt;</c> renders
/// the label, an optional hint, the input (or textarea) with the right <c>type</c>, and the field's error,
/// tied together with <c>aria-describedby</c>/<c>aria-invalid</c>. With <c>asp-items</c> it renders a
/// <c>&lt;select&gt;</c>; a <c>bool</c> property renders a check box inside its label. Name and id come from the model
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

    /// <summary>The options of a <c>&lt;select&gt;</c>; the one whose value is the field's current value is selected.</summary>
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var entry = ViewContext.ModelState.TryGetValue(name, out var found) ? found : null;
        // Every message about the field (a password can break several rules at once), each once.
        var error = entry is { Errors.Count: > 0 } ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage).Distinct()) : null;
        // A plain (minimised) `required` attribute marks the field: the label gets " *", the input aria-required.
        var required = output.Attributes.ContainsName("required");
        var type = Items is not null ? "select" : Type ?? InferType(For.Metadata.UnderlyingOrModelType, For.Metadata.DataTypeName);
        var hintId = Hint is null ? null : $"{id}-hint";
        var errorId = $"{id}-error";

        var labelText = (Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? name) + (required ? " *" : "");
        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(labelText);

        var input = new TagBuilder(type is "textarea" or "select" ? type : "input");
        if (type is not ("textarea" or "select"))
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
        // a password is never written into the page, so pages keep their ModelState without echoing one
        // (nor is a file: a browser will not take a value for it).
        var value = type is "password" or "file" ? null : entry?.AttemptedValue ?? Format(For.Model);
        if (type == "textarea") input.InnerHtml.Append(value ?? "");
        else if (type == "select") AppendOptions(input, Items!, value);
        else if (type == "checkbox")
        {
            // The box stands for true; a value that did not bind leaves it clear, with the error beside it.
            input.Attributes["value"] = "true";
            if (For.Model is true) input.Attributes["checked"] = "checked";
        }
        else if (value is not null) input.Attributes["value"] = value;

        var errorSpan = new TagBuilder("span");
        errorSpan.AddCssClass("field-error");
        errorSpan.Attributes["id"] = errorId;
        if (error is not null) errorSpan.InnerHtml.Append(error);

        output.TagName = null;
        output.Attributes.Clear();
        if (type == "checkbox")
        {
            // The box sits inside its label; the hidden "false" after it is what an unticked box sends
            // (the first value posted wins, so a ticked box still binds true).
            var wrapping = new TagBuilder("label");
            wrapping.InnerHtml.AppendHtml(input).Append(" " + labelText);
            var unticked = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            unticked.Attributes["type"] = "hidden";
            unticked.Attributes["name"] = name;
            unticked.Attributes["value"] = "false";
            output.Content.AppendHtml(wrapping);
            output.Content.AppendHtml(unticked);
            AppendHint(output, hintId);
            output.Content.AppendHtml(errorSpan);
            return;
        }
        output.Content.AppendHtml(label);
        AppendHint(output, hintId);
        output.Content.AppendHtml(input);
        output.Content.AppendHtml(errorSpan);
    }

    private void AppendHint(TagHelperOutput output, string? hintId)
    {
        if (Hint is null) return;
        var hint = new TagBuilder("p");
        hint.AddCssClass("hint");
        hint.Attributes["id"] = hintId!;
        hint.InnerHtml.Append(Hint);
        output.Content.AppendHtml(hint);
    }

    private static void AppendOptions(TagBuilder select, IEnumerable<SelectListItem> items, string? value)
    {
        // Written out rather than with TagBuilder, which sorts attributes: an option reads value first, as typed by hand.
        var encoder = HtmlEncoder.Default;
        foreach (var item in items)
        {
            var selected = value is null ? item.Selected : item.Value == value;
            select.InnerHtml.AppendHtml($"<option value=\"{encoder.Encode(item.Value)}\"{(selected ? " selected=\"selected\"" : "")}>{encoder.Encode(item.Text)}</option>");
        }
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
        _ when type == typeof(bool) => "checkbox",
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
