namespace HsctJournals.Web.Treatment;

/// <summary>One labelled input with its hint and field error, rendered by _Field.cshtml (name = Prefix.Name).</summary>
public sealed record TreatmentField(string Prefix, string Name, string Label, string? Value, string Type = "text", string? Hint = null)
{
    public string FullName => $"{Prefix}.{Name}";
    public string Id => $"{Prefix}_{Name}".Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
