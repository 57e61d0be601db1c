using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Treatment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarTokenHash",
                table: "TreatmentCourses",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeclaredNeutrophilEngraftment",
                table: "TreatmentCourses",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeclaredPlateletEngraftment",
                table: "TreatmentCourses",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProtocolFirstDay",
                table: "TreatmentCourses",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProtocolStart",
                table: "TreatmentCourses",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sharing",
                table: "TreatmentCourses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ClinicianLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClinicianLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClinicianLinks_TreatmentCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TreatmentCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrugLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    GenericName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Brand = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Dose = table.Column<decimal>(type: "numeric", nullable: true),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Basis = table.Column<int>(type: "integer", nullable: false),
                    WeightKg = table.Column<decimal>(type: "numeric", nullable: true),
                    HeightCm = table.Column<decimal>(type: "numeric", nullable: true),
                    Route = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrugLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrugLines_TreatmentCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TreatmentCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Done = table.Column<bool>(type: "boolean", nullable: false),
                    Uid = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpItems_TreatmentCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TreatmentCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Analyte = table.Column<int>(type: "integer", nullable: false),
                    OriginalValue = table.Column<decimal>(type: "numeric", nullable: false),
                    OriginalUnit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<decimal>(type: "numeric", nullable: false),
                    Loinc = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Ucum = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReferenceLow = table.Column<decimal>(type: "numeric", nullable: true),
                    ReferenceHigh = table.Column<decimal>(type: "numeric", nullable: true),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    NaturalKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabResults_TreatmentCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TreatmentCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriorTherapies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    GenericName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Brand = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Started = table.Column<DateOnly>(type: "date", nullable: true),
                    Stopped = table.Column<DateOnly>(type: "date", nullable: true),
                    LastDose = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonStopped = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorTherapies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriorTherapies_TreatmentCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TreatmentCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric", nullable: true),
                    Grade = table.Column<int>(type: "integer", nullable: true),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentEvents_TreatmentCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TreatmentCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentPhases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    Planned = table.Column<DateOnly>(type: "date", nullable: true),
                    Started = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentPhases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentPhases_TreatmentCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TreatmentCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClinicianLinkAccesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LinkId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClinicianLinkAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClinicianLinkAccesses_ClinicianLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "ClinicianLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentCourses_CalendarTokenHash",
                table: "TreatmentCourses",
                column: "CalendarTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClinicianLinkAccesses_LinkId",
                table: "ClinicianLinkAccesses",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_ClinicianLinks_CourseId",
                table: "ClinicianLinks",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_ClinicianLinks_TokenHash",
                table: "ClinicianLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrugLines_CourseId",
                table: "DrugLines",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_CourseId",
                table: "FollowUpItems",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_LabResults_CourseId_Date",
                table: "LabResults",
                columns: new[] { "CourseId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LabResults_CourseId_NaturalKey",
                table: "LabResults",
                columns: new[] { "CourseId", "NaturalKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriorTherapies_CourseId",
                table: "PriorTherapies",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentEvents_CourseId_Date",
                table: "TreatmentEvents",
                columns: new[] { "CourseId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentPhases_CourseId",
                table: "TreatmentPhases",
                column: "CourseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClinicianLinkAccesses");

            migrationBuilder.DropTable(
                name: "DrugLines");

            migrationBuilder.DropTable(
                name: "FollowUpItems");

            migrationBuilder.DropTable(
                name: "LabResults");

            migrationBuilder.DropTable(
                name: "PriorTherapies");

            migrationBuilder.DropTable(
                name: "TreatmentEvents");

            migrationBuilder.DropTable(
                name: "TreatmentPhases");

            migrationBuilder.DropTable(
                name: "ClinicianLinks");

            migrationBuilder.DropIndex(
                name: "IX_TreatmentCourses_CalendarTokenHash",
                table: "TreatmentCourses");

            migrationBuilder.DropColumn(
                name: "CalendarTokenHash",
                table: "TreatmentCourses");

            migrationBuilder.DropColumn(
                name: "DeclaredNeutrophilEngraftment",
                table: "TreatmentCourses");

            migrationBuilder.DropColumn(
                name: "DeclaredPlateletEngraftment",
                table: "TreatmentCourses");

            migrationBuilder.DropColumn(
                name: "ProtocolFirstDay",
                table: "TreatmentCourses");

            migrationBuilder.DropColumn(
                name: "ProtocolStart",
                table: "TreatmentCourses");

            migrationBuilder.DropColumn(
                name: "Sharing",
                table: "TreatmentCourses");
        }
    }
}
