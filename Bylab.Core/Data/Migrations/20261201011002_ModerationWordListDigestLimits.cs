using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModerationWordListDigestLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ModeratorDigests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CoveredFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CoveredUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NewReports = table.Column<int>(type: "INTEGER", nullable: false),
                    NewHeld = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsWaiting = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModeratorDigests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModeratorDigests_AspNetUsers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WordListEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsPattern = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WordListEntries", x => x.Id);
                    table.CheckConstraint("CK_WordListEntries_Text", "length(Text) BETWEEN 1 AND 200");
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModeratorDigests_CoveredUntil",
                table: "ModeratorDigests",
                column: "CoveredUntil");

            migrationBuilder.CreateIndex(
                name: "IX_ModeratorDigests_RecipientId_CoveredUntil",
                table: "ModeratorDigests",
                columns: new[] { "RecipientId", "CoveredUntil" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModeratorDigests_SentAt",
                table: "ModeratorDigests",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_WordListEntries_Text_IsPattern",
                table: "WordListEntries",
                columns: new[] { "Text", "IsPattern" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModeratorDigests");

            migrationBuilder.DropTable(
                name: "WordListEntries");
        }
    }
}
