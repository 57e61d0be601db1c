namespace HsctJournals.Domain.Treatment;

/// <summary>
/// Something to ask the person who entered a lab value before it is trusted, e.g.
/// "ANC 500 × 10⁹/L is not plausible. Did you mean 500 cells/µL (0.5 × 10⁹/L)?".
/// </summary>
/// <param name="Text">The question, written for the user.</param>
/// <param name="Suggestions">Canonical values the entry probably meant, most likely first; may be empty.</param>
public sealed record LabQuestion(string Text, IReadOnlyList<decimal> Suggestions);
