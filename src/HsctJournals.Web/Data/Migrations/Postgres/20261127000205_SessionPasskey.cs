using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionPasskey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "PasskeyId",
                table: "UserSessions",
                type: "bytea",
                maxLength: 1024,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PasskeyId",
                table: "UserSessions");
        }
    }
}
