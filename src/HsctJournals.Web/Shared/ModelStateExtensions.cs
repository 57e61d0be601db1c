using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HsctJournals.Web.Shared;

public static class ModelStateExtensions
{
    /// <summary>Puts a use case's field errors on the form fields they belong to (names prefixed, e.g. "Input.Title"; an empty prefix keeps the bare names).</summary>
    public static void AddErrors<T>(this ModelStateDictionary modelState, EditResult<T> result, string prefix = "Input") where T : class =>
        modelState.AddErrors(result.Errors, prefix);

    /// <summary>
    /// Replaces what model binding said about a value that did not bind ("The value 'x' is not valid for Y.", written
    /// for developers) with the page's own sentence, or drops it (<paramref name="message"/> null) where the use case
    /// sees the unbound value as missing and answers with its own. The entry stays, so the field still shows what was sent.
    /// </summary>
    public static void Rephrase(this ModelStateDictionary modelState, string key, string? message)
    {
        if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0) return;
        entry.Errors.Clear();
        if (message is null) entry.ValidationState = ModelValidationState.Valid;
        else entry.Errors.Add(message);
    }

    /// <summary>The same for any field-error map keyed by input property name.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix = "Input")
    {
        foreach (var (field, messages) in errors)
            foreach (var message in messages) modelState.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", message);
    }
}
