using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventFinalCancelled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FinalCancelled",
                table: "Events",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FinalCancelled",
                table: "Events");
        }
    }
}
