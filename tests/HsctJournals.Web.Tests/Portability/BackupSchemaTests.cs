using System.IO.Compression;
using System.Text.Json.Nodes;
using HsctJournals.Web.Portability.Backup;
using HsctJournals.Web.Tests.Infrastructure;
using Json.Schema;

namespace HsctJournals.Web.Tests.Portability;

/// <summary>The documented JSON Schema is the one the format's records give, and a real backup satisfies it.</summary>
public sealed class BackupSchemaTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string DocsFile([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "docs", "backup", "journal.schema.json"));

    [Fact]
    public void The_schema_in_docs_is_the_schema_of_the_format()
    {
        // To update the docs after changing the format: HSCT_WRITE_BACKUP_SCHEMA=1 dotnet test --filter BackupSchemaTests
        if (Environment.GetEnvironmentVariable("HSCT_WRITE_BACKUP_SCHEMA") == "1") File.WriteAllText(DocsFile(), BackupSchema.Generate());
        Assert.Equal(BackupSchema.Generate(), File.ReadAllText(DocsFile()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_real_backup_satisfies_the_documented_schema_and_a_broken_one_does_not()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(DocsFile()));
        var built = await BackupKit.BuildAsync(app);
        using var zip = new ZipArchive(new MemoryStream(await BackupKit.DownloadAsync(app, built.Owner, built.Journal)));
        var json = JsonNode.Parse(BackupKit.Text(zip, "journal.json"))!;
        var result = schema.Evaluate(Element(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, System.Text.Json.JsonSerializer.Serialize(result));

        json["posts"]![0]!["status"] = "gone";
        json["journal"]!.AsObject().Remove("title");
        Assert.False(schema.Evaluate(Element(json)).IsValid);
    }

    private static System.Text.Json.JsonElement Element(JsonNode node) => System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement;
}
