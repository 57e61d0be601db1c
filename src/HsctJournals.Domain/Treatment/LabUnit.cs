namespace HsctJournals.Domain.Treatment;

/// <summary>One accepted unit family for an analyte and its factor to the canonical unit.</summary>
/// <param name="Display">How the unit is shown in messages, e.g. "cells/µL".</param>
/// <param name="ToCanonical">Multiply an entered value by this to get the canonical value.</param>
/// <param name="Spellings">Accepted spellings, already normalised by <see cref="LabUnits.Normalise"/>.</param>
internal sealed record LabUnit(string Display, decimal ToCanonical, IReadOnlySet<string> Spellings);
