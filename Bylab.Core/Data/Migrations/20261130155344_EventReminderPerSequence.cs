using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventReminderPerSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventNotifications_OneReminder",
                table: "EventNotifications");

            migrationBuilder.AddColumn<int>(
                name: "EventSequence",
                table: "EventNotifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Reminders queued before this migration count as reminders of the event as it is now; otherwise every
            // event that ever moved would remind its participants once more right after the upgrade.
            migrationBuilder.Sql("""
                UPDATE EventNotifications SET EventSequence = (
                    SELECT e.Sequence FROM Registrations r JOIN Events e ON e.Id = r.EventId
                    WHERE r.Id = EventNotifications.RegistrationId)
                WHERE Kind = 'Reminder';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_EventNotifications_OneReminder",
                table: "EventNotifications",
                columns: new[] { "RegistrationId", "EventSequence" },
                unique: true,
                filter: "Kind = 'Reminder'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventNotifications_OneReminder",
                table: "EventNotifications");

            migrationBuilder.DropColumn(
                name: "EventSequence",
                table: "EventNotifications");

            migrationBuilder.CreateIndex(
                name: "IX_EventNotifications_OneReminder",
                table: "EventNotifications",
                columns: new[] { "RegistrationId", "Kind" },
                unique: true,
                filter: "Kind = 'Reminder'");
        }
    }
}
