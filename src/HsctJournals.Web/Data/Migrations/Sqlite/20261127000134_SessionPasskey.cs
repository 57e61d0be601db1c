using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Sqlite
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
                type: "BLOB",
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
