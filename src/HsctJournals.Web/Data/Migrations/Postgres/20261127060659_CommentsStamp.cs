using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommentsStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CommentsStamp",
                table: "Posts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CommentsStamp",
                table: "Posts");
        }
    }
}
