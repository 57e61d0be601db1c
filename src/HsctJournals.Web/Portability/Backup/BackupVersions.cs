using System.Text.Json;
using System.Text.Json.Nodes;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>
/// Reads journal.json of an older format version as the current records expect it (docs/backup-format.md:
/// every change to the records is a new version with a reader for the old one). Each step adds what its
/// version introduced, with the value an older site meant by leaving it out.
/// </summary>
public static class BackupVersions
{
    /// <summary>The <c>treatmentCourses</c> array of a version-<paramref name="from"/> file in the current version's shape.</summary>
    public static JsonElement UpgradeCourses(JsonElement courses, int from)
    {
        var node = JsonNode.Parse(courses.GetRawText());
        // Version 2: the CD34+ dose infused on a course; a version-1 site did not record it.
        if (from < 2 && node is JsonArray list)
            foreach (var course in list.OfType<JsonObject>())
                course.TryAdd("infusedCd34PerKg", null);
        return JsonSerializer.SerializeToElement(node);
    }
}
