using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostAnnouncedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnnouncedAt",
                table: "Posts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AnnouncedAt",
                table: "Posts",
                column: "AnnouncedAt");

            // Posts already live before followers existed count as announced, so nobody is
            // mailed about old posts; scheduled posts still to come are announced when due.
            migrationBuilder.Sql("""
                UPDATE "Posts" SET "AnnouncedAt" = "PublishedAt" WHERE "Status" <> 0 AND "PublishedAt" <= now();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_AnnouncedAt",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "AnnouncedAt",
                table: "Posts");
        }
    }
}
