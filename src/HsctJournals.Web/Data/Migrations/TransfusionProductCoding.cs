namespace HsctJournals.Web.Data.Migrations;

/// <summary>
/// The one-time coding of transfusions recorded as free text, run by the <c>TransfusionProduct</c>
/// migration of both providers (the same SQL works on SQLite and PostgreSQL). domain/hsct.md §5:
/// which transfusions count is a coded choice, never a match on free text — so the text is read
/// here, once, and never again. Text that matches no kind, or more than one, stays uncoded and
/// the events page asks the owner (decision 0010).
/// </summary>
internal static class TransfusionProductCoding
{
    // TreatmentEventType.Transfusion = 3; TransfusionProduct: Platelets = 1, RedCells = 2, Plasma = 3.
    private const string Text = "LOWER(\"Detail\")";

    private static string AnyOf(params string[] patterns) =>
        "(" + string.Join(" OR ", patterns.Select(p => $"{Text} LIKE '{p}'")) + ")";

    // "Platelets", "Plts", "PLT", "pooled PLT", "apheresis platelets", "thrombocytes", "Thrombozyten", "plaquettes".
    private static readonly string Platelets = AnyOf("%platelet%", "%plt%", "%thrombo%", "%plaquet%");

    // "Red cells", "RBC", "PRBC", "packed cells", "red blood cells", "erythrocytes".
    private static readonly string RedCells = AnyOf("%red cell%", "%red blood%", "%rbc%", "%packed%", "%erythro%");

    // "Plasma", "FFP", "fresh frozen plasma", "Octaplas".
    private static readonly string Plasma = AnyOf("%plasma%", "%ffp%", "%fresh frozen%", "%octaplas%");


    /// <summary>Codes every transfusion whose detail names exactly one kind, and clears a detail that only repeated the product.</summary>
    public static string UpSql() =>
        $"""
        UPDATE "TreatmentEvents" SET "Product" = CASE
            WHEN {Platelets} AND NOT {RedCells} AND NOT {Plasma} THEN 1
            WHEN {RedCells} AND NOT {Platelets} AND NOT {Plasma} THEN 2
            WHEN {Plasma} AND NOT {Platelets} AND NOT {RedCells} THEN 3
            ELSE NULL END
        WHERE "Type" = 3 AND "Detail" IS NOT NULL;
        UPDATE "TreatmentEvents" SET "Detail" = NULL
        WHERE "Type" = 3 AND "Product" IS NOT NULL
          AND LOWER(TRIM("Detail")) IN ('platelets', 'platelet', 'plt', 'plts', 'red cells', 'rbc', 'prbc', 'plasma', 'ffp');
        """;
}
