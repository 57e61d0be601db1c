namespace HsctJournals.Web.Shared;

/// <summary>
/// The outcome of a write use case shared by a form and the API: either the saved value or
/// field errors keyed by input name, so a form can re-show itself and the API can answer 400.
/// </summary>
public sealed class EditResult<T> where T : class
{
    public T? Value { get; private init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>();
    public bool Succeeded => Value is not null;

    public static EditResult<T> Ok(T value) => new() { Value = value };
    public static EditResult<T> Fail(Dictionary<string, List<string>> errors) =>
        new() { Errors = errors.ToDictionary(e => e.Key, e => e.Value.ToArray()) };
}

/// <summary>Collects field errors in order.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new();
    public bool Any => _errors.Count > 0;
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }
    public EditResult<T> Fail<T>() where T : class => EditResult<T>.Fail(_errors);
}
