using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TransfusionProduct : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Product",
                table: "TreatmentEvents",
                type: "integer",
                nullable: true);

            // domain/hsct.md §5: code the free-text rows once; see TransfusionProductCoding.
            migrationBuilder.Sql(TransfusionProductCoding.UpSql());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Product",
                table: "TreatmentEvents");
        }
    }
}
