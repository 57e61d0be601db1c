using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HsctJournals.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Comments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // JournalRole gained Moderator = 1: CoAuthor 1 -> 2, Owner 2 -> 3 (ApprovedReader stays 0).
            migrationBuilder.Sql("UPDATE \"JournalMembers\" SET \"Role\" = \"Role\" + 1 WHERE \"Role\" >= 1;");
            migrationBuilder.Sql("UPDATE \"JournalInvitations\" SET \"Role\" = \"Role\" + 1 WHERE \"Role\" >= 1;");

            migrationBuilder.AddColumn<string>(
                name: "Comments_BlockedWords",
                table: "Journals",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Comments_CloseAfterDays",
                table: "Journals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Comments_HeldWords",
                table: "Journals",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Comments_Hold",
                table: "Journals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Comments_MaxLinksBeforeHold",
                table: "Journals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Comments_NewestFirst",
                table: "Journals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Comments_OwnerNotification",
                table: "Journals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Comments_ThreadDepth",
                table: "Journals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Comments_WhoMayComment",
                table: "Journals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    AuthorEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    AuthorWebsite = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ModerationNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    NotifyOnReply = table.Column<bool>(type: "boolean", nullable: false),
                    IpHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AuthorTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Comments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Comments_Comments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Comments_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Followers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JournalId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Frequency = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastDigestAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Followers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Followers_Journals_JournalId",
                        column: x => x.JournalId,
                        principalTable: "Journals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorEmail_CreatedAt",
                table: "Comments",
                columns: new[] { "AuthorEmail", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_IpHash_CreatedAt",
                table: "Comments",
                columns: new[] { "IpHash", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ParentId",
                table: "Comments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_PostId_Status_CreatedAt",
                table: "Comments",
                columns: new[] { "PostId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_UserId",
                table: "Comments",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Followers_JournalId_Email",
                table: "Followers",
                columns: new[] { "JournalId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Followers_TokenHash",
                table: "Followers",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"JournalMembers\" SET \"Role\" = \"Role\" - 1 WHERE \"Role\" >= 2;");
            migrationBuilder.Sql("UPDATE \"JournalInvitations\" SET \"Role\" = \"Role\" - 1 WHERE \"Role\" >= 2;");

            migrationBuilder.DropTable(
                name: "Comments");

            migrationBuilder.DropTable(
                name: "Followers");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Comments_BlockedWords",
                table: "Journals");

            migrationBuilder.DropColumn(
                name: "Comments_CloseAfterDays",
                table: "Journals");

            migrationBuilder.DropColumn(
                name: "Comments_HeldWords",
                table: "Journals");

            migrationBuilder.DropColumn(
                name: "Comments_Hold",
                table: "Journals");

            migrationBuilder.DropColumn(
                name: "Comments_MaxLinksBeforeHold",
                table: "Journals");

            migrationBuilder.DropColumn(
                name: "Comments_NewestFirst",
                table: "Journals");

            migrationBuilder.DropColumn(
                name: "Comments_OwnerNotification",
                table: "Journals");

            migrationBuilder.DropColumn(
                name: "Comments_ThreadDepth",
                table: "Journals");

            migrationBuilder.DropColumn(
                name: "Comments_WhoMayComment",
                table: "Journals");
        }
    }
}
