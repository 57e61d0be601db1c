using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommentsOwnByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_UserId_PostId",
                table: "Comments");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_UserId_PostId_Status_CreatedAt",
                table: "Comments",
                columns: new[] { "UserId", "PostId", "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_UserId_PostId_Status_CreatedAt",
                table: "Comments");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_UserId_PostId",
                table: "Comments",
                columns: new[] { "UserId", "PostId" });
        }
    }
}
