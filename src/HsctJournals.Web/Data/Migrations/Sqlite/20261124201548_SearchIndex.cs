using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Full-text search over posts: an FTS5 index of each post's title and plain text, kept in step
    /// with "Posts" by triggers. Raw SQL only, so the EF model and its snapshot do not change; the
    /// queries are in Journals/Search/PostSearch.cs.
    /// </summary>
    /// <remarks>
    /// External content (content='Posts'): the index stores no second copy of the text, and
    /// snippet()/highlight() read it back from "Posts" by rowid = "Id". The update trigger fires only
    /// when the title or text changes, so saving a comment count does not touch the index. The
    /// 'delete' command must receive the values that were indexed, which is why it uses old.*.
    /// unicode61 with remove_diacritics 2 lets "cafe" find "Café" (and the reverse). Foreign-key
    /// cascades (a deleted journal) fire the delete trigger like any other delete.
    /// </remarks>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "PostSearch" USING fts5(
                    "Title", "PlainText",
                    content = 'Posts', content_rowid = 'Id',
                    tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Posts_SearchInsert" AFTER INSERT ON "Posts" BEGIN
                    INSERT INTO "PostSearch"(rowid, "Title", "PlainText") VALUES (new."Id", new."Title", new."PlainText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Posts_SearchDelete" AFTER DELETE ON "Posts" BEGIN
                    INSERT INTO "PostSearch"("PostSearch", rowid, "Title", "PlainText") VALUES ('delete', old."Id", old."Title", old."PlainText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Posts_SearchUpdate" AFTER UPDATE OF "Title", "PlainText" ON "Posts" BEGIN
                    INSERT INTO "PostSearch"("PostSearch", rowid, "Title", "PlainText") VALUES ('delete', old."Id", old."Title", old."PlainText");
                    INSERT INTO "PostSearch"(rowid, "Title", "PlainText") VALUES (new."Id", new."Title", new."PlainText");
                END;
                """);
            // Backfill: index every post written before this migration.
            migrationBuilder.Sql("""INSERT INTO "PostSearch"("PostSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Posts_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Posts_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Posts_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "PostSearch";""");
        }
    }
}
