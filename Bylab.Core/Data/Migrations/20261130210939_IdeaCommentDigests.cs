using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class IdeaCommentDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CommentDigestOptOut",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CommentDigests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OsloDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentDigests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentDigests_AspNetUsers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CommentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DigestId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentNotices_AspNetUsers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentNotices_CommentDigests_DigestId",
                        column: x => x.DigestId,
                        principalTable: "CommentDigests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentNotices_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommentDigests_RecipientId_OsloDay",
                table: "CommentDigests",
                columns: new[] { "RecipientId", "OsloDay" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentDigests_Unsent",
                table: "CommentDigests",
                column: "CreatedAt",
                filter: "SentAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CommentNotices_CommentId",
                table: "CommentNotices",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentNotices_DigestId",
                table: "CommentNotices",
                column: "DigestId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentNotices_Pending",
                table: "CommentNotices",
                column: "RecipientId",
                filter: "DigestId IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CommentNotices_RecipientId_CommentId",
                table: "CommentNotices",
                columns: new[] { "RecipientId", "CommentId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentNotices");

            migrationBuilder.DropTable(
                name: "CommentDigests");

            migrationBuilder.DropColumn(
                name: "CommentDigestOptOut",
                table: "AspNetUsers");
        }
    }
}
