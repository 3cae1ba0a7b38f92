using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountBlockedByAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BlockedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            // Accounts an admin blocked before this column existed: only a block sets the lockout to the end of time.
            migrationBuilder.Sql("UPDATE AspNetUsers SET BlockedAt = strftime('%Y-%m-%d %H:%M:%S', 'now') WHERE LockoutEnd LIKE '9999-%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BlockedAt",
                table: "AspNetUsers");
        }
    }
}
