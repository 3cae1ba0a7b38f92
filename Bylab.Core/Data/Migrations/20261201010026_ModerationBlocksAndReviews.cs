using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModerationBlocksAndReviews : Migration
    {
        /// <summary>The tables people write to, the column naming the writer, and the statement the trigger guards.</summary>
        private static readonly (string Table, string Column, string When)[] BlockedWrites =
        [
            ("Ideas", "AuthorId", "INSERT"), ("Ideas", "AuthorId", "UPDATE OF \"Title\", \"BodyMarkdown\""),
            ("Comments", "AuthorId", "INSERT"), ("Comments", "AuthorId", "UPDATE OF \"BodyMarkdown\""),
            ("Votes", "UserId", "INSERT"), ("Reports", "ReporterId", "INSERT"), ("Registrations", "UserId", "INSERT"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PostingBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BlockedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BlockedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LiftedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LiftedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LiftNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostingBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostingBlocks_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewRequests_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PostingBlocks_UserId",
                table: "PostingBlocks",
                column: "UserId",
                unique: true,
                filter: "LiftedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRequests_AnsweredAt",
                table: "ReviewRequests",
                column: "AnsweredAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRequests_AuthorId",
                table: "ReviewRequests",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRequests_ItemKind_ItemId_DecidedAt",
                table: "ReviewRequests",
                columns: new[] { "ItemKind", "ItemId", "DecidedAt" },
                unique: true);

            // Posting blocks, held by the database: every write a person makes (a new idea or comment, an edit of one, a
            // vote, a report, an event sign-up) is refused while they are blocked, whatever code path makes it. The
            // services' callers turn the error into a clear message (PostingBlocks.IsBlockedError). A later migration
            // that rebuilds one of these tables must create its trigger again (the HTTP tests per kind catch it).
            foreach (var (table, column, when) in BlockedWrites)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "TR_{table}_PostingBlock_{when.Split(' ')[0]}" BEFORE {when} ON "{table}"
                    WHEN NEW."{column}" IS NOT NULL{(table == "Comments" && when.StartsWith("UPDATE") ? " AND NEW.\"BodyMarkdown\" <> ''" : "")}
                    BEGIN
                        SELECT RAISE(ABORT, 'bylab:posting-blocked')
                        WHERE EXISTS (SELECT 1 FROM "PostingBlocks" WHERE "UserId" = NEW."{column}" AND "LiftedAt" IS NULL);
                    END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, when) in BlockedWrites)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"TR_{table}_PostingBlock_{when.Split(' ')[0]}\";");
            }

            migrationBuilder.DropTable(
                name: "PostingBlocks");

            migrationBuilder.DropTable(
                name: "ReviewRequests");
        }
    }
}
