using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Events : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DescriptionMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LocationKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PlaceAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OnlineUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OrganiserName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationOpensAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RegistrationClosesAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MaxCompanions = table.Column<int>(type: "INTEGER", nullable: false),
                    AskNeeds = table.Column<bool>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReminderHoursBefore = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancellationMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CopiedFromId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonalDataDeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinalRegistered = table.Column<int>(type: "INTEGER", nullable: true),
                    FinalAttended = table.Column<int>(type: "INTEGER", nullable: true),
                    FinalWaitlisted = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.CheckConstraint("CK_Events_Capacity", "Capacity > 0 AND Capacity <= 10000");
                    table.CheckConstraint("CK_Events_EndAfterStart", "EndsAt > StartsAt");
                    table.CheckConstraint("CK_Events_MaxCompanions", "MaxCompanions >= 0 AND MaxCompanions <= 10");
                    table.CheckConstraint("CK_Events_RegistrationWindow", "RegistrationOpensAt IS NULL OR RegistrationClosesAt IS NULL OR RegistrationOpensAt < RegistrationClosesAt");
                    table.CheckConstraint("CK_Events_Reminder", "ReminderHoursBefore IS NULL OR (ReminderHoursBefore >= 1 AND ReminderHoursBefore <= 336)");
                    table.CheckConstraint("CK_Events_Venue", "(LocationKind = 'Venue') = (VenueId IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_Events_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Events_Events_CopiedFromId",
                        column: x => x.CopiedFromId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Events_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Events_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Companions = table.Column<int>(type: "INTEGER", nullable: false),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ManageToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CheckInCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EmailConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsentedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WaitlistedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PromotedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedInById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                    table.CheckConstraint("CK_Registrations_Companions", "Companions >= 0 AND Companions <= 10");
                    table.ForeignKey(
                        name: "FK_Registrations_AspNetUsers_CheckedInById",
                        column: x => x.CheckedInById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Registrations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Registrations_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventNotifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventNotifications_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventNotifications_OneReminder",
                table: "EventNotifications",
                columns: new[] { "RegistrationId", "Kind" },
                unique: true,
                filter: "Kind = 'Reminder'");

            migrationBuilder.CreateIndex(
                name: "IX_EventNotifications_RegistrationId",
                table: "EventNotifications",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_EventNotifications_Unsent",
                table: "EventNotifications",
                column: "CreatedAt",
                filter: "SentAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Events_CopiedFromId",
                table: "Events",
                column: "CopiedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_OwnerId",
                table: "Events",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Slug",
                table: "Events",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_Status_StartsAt",
                table: "Events",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ThemeId",
                table: "Events",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_VenueId_StartsAt",
                table: "Events",
                columns: new[] { "VenueId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_CheckedInById",
                table: "Registrations",
                column: "CheckedInById");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_CheckInCode",
                table: "Registrations",
                column: "CheckInCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_EventId_Status",
                table: "Registrations",
                columns: new[] { "EventId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_ManageToken",
                table: "Registrations",
                column: "ManageToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_OnePerAccount",
                table: "Registrations",
                columns: new[] { "EventId", "UserId" },
                unique: true,
                filter: "UserId IS NOT NULL AND Status <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_OnePerEmail",
                table: "Registrations",
                columns: new[] { "EventId", "NormalizedEmail" },
                unique: true,
                filter: "Status <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_UserId",
                table: "Registrations",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventNotifications");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropTable(
                name: "Events");
        }
    }
}
