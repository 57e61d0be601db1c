using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>
/// The JSON Schema of journal.json, generated from the format's records so it can never drift from
/// what the site writes and reads. docs/backup/journal.schema.json is this output; a test keeps it so.
/// </summary>
public static class BackupSchema
{
    public static readonly string Id = $"https://hsct-journals.invalid/schemas/journal-backup-v{JournalBackup.CurrentVersion}.json";

    public static string Generate()
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(JournalBackup.Json, typeof(JournalBackup),
            new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = $"HSCT Journals backup (journal.json), format \"{JournalBackup.FormatName}\" version {JournalBackup.CurrentVersion}",
        };
        foreach (var (name, value) in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(name);
            root[name] = value;
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
