using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RestoreJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "ImportJobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RestoreSlug",
                table: "ImportJobs",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RestoreTitle",
                table: "ImportJobs",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            // Before jobs had a kind, an uploads-folder zip was told apart from a WordPress export by its .zip name.
            migrationBuilder.Sql("UPDATE \"ImportJobs\" SET \"Kind\" = 1 WHERE lower(\"FileName\") LIKE '%.zip';");

            // Last: on SQLite, making JournalId nullable rebuilds the table, and EF runs the rebuild after every other
            // operation of the migration. SQL placed after it would run against the table before its rebuild, which
            // EF warns about (30200); placed before it, the UPDATE runs on the added column and the rebuild copies it.
            migrationBuilder.AlterColumn<int>(
                name: "JournalId",
                table: "ImportJobs",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A restore that never made its journal has none; the old table cannot hold it.
            migrationBuilder.Sql("DELETE FROM \"ImportJobs\" WHERE \"JournalId\" IS NULL;");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "RestoreSlug",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "RestoreTitle",
                table: "ImportJobs");

            migrationBuilder.AlterColumn<int>(
                name: "JournalId",
                table: "ImportJobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
