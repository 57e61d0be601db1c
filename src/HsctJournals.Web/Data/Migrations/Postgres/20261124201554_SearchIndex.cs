using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Full-text search over posts: a stored generated tsvector column on "Posts" (title weighted A,
    /// plain text weighted B) with a GIN index. Raw SQL only, so the EF model and its snapshot do not
    /// change (EF never reads or writes the column); the queries are in Journals/Search/PostSearch.cs.
    /// </summary>
    /// <remarks>
    /// The 'simple' configuration (lower-casing, no stemming, no stop words) is chosen on purpose:
    /// journals are written in many languages, an English stemmer would mangle the others, and it
    /// matches what the SQLite index does, so both databases find the same posts. Being generated,
    /// the column is filled for existing rows by the ALTER TABLE itself and follows every write.
    /// </remarks>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Posts" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple'::regconfig, coalesce("Title", '')), 'A')
                        || setweight(to_tsvector('simple'::regconfig, coalesce("PlainText", '')), 'B')
                    ) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Posts_SearchVector" ON "Posts" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Posts_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Posts" DROP COLUMN IF EXISTS "SearchVector";""");
        }
    }
}
