using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HsctJournals.Web.Shared;

public static class ModelStateExtensions
{
    /// <summary>Puts a use case's field errors on the form fields they belong to (names prefixed, e.g. "Input.Title"; an empty prefix keeps the bare names).</summary>
    public static void AddErrors<T>(this ModelStateDictionary modelState, EditResult<T> result, string prefix = "Input") where T : class =>
        modelState.AddErrors(result.Errors, prefix);

    /// <summary>The same for any field-error map keyed by input property name.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix = "Input")
    {
        foreach (var (field, messages) in errors)
            foreach (var message in messages) modelState.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", message);
    }
}
