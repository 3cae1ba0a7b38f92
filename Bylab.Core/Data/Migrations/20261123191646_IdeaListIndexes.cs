using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class IdeaListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ideas_MergedIntoId",
                table: "Ideas");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_MergedIntoId",
                table: "Ideas",
                column: "MergedIntoId",
                filter: "MergedIntoId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_Visible_ConsultationId_VoteCount",
                table: "Ideas",
                columns: new[] { "ConsultationId", "VoteCount" },
                filter: "WithdrawnAt IS NULL AND MergedIntoId IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_Visible_CreatedAt",
                table: "Ideas",
                column: "CreatedAt",
                filter: "WithdrawnAt IS NULL AND MergedIntoId IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_Visible_ThemeId_VoteCount",
                table: "Ideas",
                columns: new[] { "ThemeId", "VoteCount" },
                filter: "WithdrawnAt IS NULL AND MergedIntoId IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ideas_MergedIntoId",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_Visible_ConsultationId_VoteCount",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_Visible_CreatedAt",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_Visible_ThemeId_VoteCount",
                table: "Ideas");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_MergedIntoId",
                table: "Ideas",
                column: "MergedIntoId");
        }
    }
}
