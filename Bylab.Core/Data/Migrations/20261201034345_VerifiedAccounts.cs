using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <summary>
    /// Issue 15: accounts verified by an eID sign-in (VerifiedAt, VerifiedBy) and consultations that take votes only from
    /// them. Columns are added (no table rebuild, so the FTS and posting-block triggers stay). The trigger holds the rule
    /// for every insert into Votes, whatever path makes it; VoteService checks first for the friendly answer.
    /// </summary>
    public partial class VerifiedAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RequiresVerifiedAccount",
                table: "Consultations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedBy",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Votes_VerifiedOnly" BEFORE INSERT ON "Votes"
                WHEN (SELECT c."RequiresVerifiedAccount" FROM "Ideas" i JOIN "Consultations" c ON c."Id" = i."ConsultationId" WHERE i."Id" = NEW."IdeaId") = 1
                BEGIN
                    SELECT RAISE(ABORT, '{Bylab.Core.Ideas.VoteService.VerifiedVoteError}')
                    WHERE NOT EXISTS (SELECT 1 FROM "AspNetUsers" WHERE "Id" = NEW."UserId" AND "VerifiedAt" IS NOT NULL);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Votes_VerifiedOnly\";");

            migrationBuilder.DropColumn(
                name: "RequiresVerifiedAccount",
                table: "Consultations");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "VerifiedBy",
                table: "AspNetUsers");
        }
    }
}
