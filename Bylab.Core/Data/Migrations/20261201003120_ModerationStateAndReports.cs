using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModerationStateAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ModeratedAt",
                table: "Ideas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModeratedById",
                table: "Ideas",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModerationNote",
                table: "Ideas",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModerationReason",
                table: "Ideas",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModerationState",
                table: "Ideas",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Visible");

            migrationBuilder.AddColumn<DateTime>(
                name: "ModeratedAt",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModeratedById",
                table: "Events",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModerationNote",
                table: "Events",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModerationReason",
                table: "Events",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModerationState",
                table: "Events",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Visible");

            migrationBuilder.AddColumn<DateTime>(
                name: "ModeratedAt",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModeratedById",
                table: "Comments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModerationNote",
                table: "Comments",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModerationReason",
                table: "Comments",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModerationState",
                table: "Comments",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Visible");

            migrationBuilder.CreateTable(
                name: "ModerationNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModerationNotices_AspNetUsers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DismissedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.CheckConstraint("CK_Reports_Note", "Note IS NULL OR length(Note) <= 1000");
                    table.ForeignKey(
                        name: "FK_Reports_AspNetUsers_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_Moderated",
                table: "Ideas",
                column: "ModerationState",
                filter: "ModerationState <> 'Visible'");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Moderated",
                table: "Events",
                column: "ModerationState",
                filter: "ModerationState <> 'Visible'");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Moderated",
                table: "Comments",
                column: "ModerationState",
                filter: "ModerationState <> 'Visible'");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationNotices_ItemKind_ItemId_DecidedAt_State",
                table: "ModerationNotices",
                columns: new[] { "ItemKind", "ItemId", "DecidedAt", "State" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModerationNotices_RecipientId",
                table: "ModerationNotices",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationNotices_SentAt",
                table: "ModerationNotices",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ItemKind_ItemId_ReporterId",
                table: "Reports",
                columns: new[] { "ItemKind", "ItemId", "ReporterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReporterId",
                table: "Reports",
                column: "ReporterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModerationNotices");

            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_Moderated",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Events_Moderated",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Comments_Moderated",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ModeratedAt",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ModeratedById",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ModerationNote",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ModerationReason",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ModerationState",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ModeratedAt",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ModeratedById",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ModerationNote",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ModerationReason",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ModerationState",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ModeratedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ModeratedById",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ModerationNote",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ModerationReason",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ModerationState",
                table: "Comments");
        }
    }
}
