using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class VenueBookingsAndOrganisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccessInstructions",
                table: "Venues",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AccessibilityInfo",
                table: "Venues",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ClosedOnPublicHolidays",
                table: "Venues",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPerson",
                table: "Venues",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Venues",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TidyingInstructions",
                table: "Venues",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "BookingId",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SpaceId",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BookingSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Interval = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Occurrences = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedDates = table.Column<string>(type: "TEXT", maxLength: 286, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingSeries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LendingHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LendingHours", x => x.Id);
                    table.CheckConstraint("CK_LendingHours_Order", "Closes > Opens");
                    table.ForeignKey(
                        name: "FK_LendingHours_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    MonthlyQuotaHours = table.Column<int>(type: "INTEGER", nullable: true),
                    IsMunicipality = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.CheckConstraint("CK_Organisations_Quota", "MonthlyQuotaHours IS NULL OR (MonthlyQuotaHours >= 1 AND MonthlyQuotaHours <= 744)");
                });

            migrationBuilder.CreateTable(
                name: "Spaces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Equipment = table.Column<int>(type: "INTEGER", nullable: false),
                    SetupMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CleanupMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MinMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MinNoticeHours = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxDaysAhead = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Spaces", x => x.Id);
                    table.CheckConstraint("CK_Spaces_Ahead", "MinNoticeHours >= 0 AND MinNoticeHours <= 720 AND MaxDaysAhead >= 1 AND MaxDaysAhead <= 730");
                    table.CheckConstraint("CK_Spaces_Buffers", "SetupMinutes >= 0 AND SetupMinutes <= 240 AND CleanupMinutes >= 0 AND CleanupMinutes <= 240");
                    table.CheckConstraint("CK_Spaces_Capacity", "Capacity > 0 AND Capacity <= 10000");
                    table.CheckConstraint("CK_Spaces_Length", "MinMinutes >= 1 AND MaxMinutes >= MinMinutes AND MaxMinutes <= 1440");
                    table.ForeignKey(
                        name: "FK_Spaces_Spaces_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Spaces_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffFeedTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffFeedTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffFeedTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VenueClosures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VenueClosures", x => x.Id);
                    table.CheckConstraint("CK_VenueClosures_Order", "LastDate >= FirstDate");
                    table.ForeignKey(
                        name: "FK_VenueClosures_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationMembers",
                columns: table => new
                {
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationMembers", x => new { x.OrganisationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_OrganisationMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Bookings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BlockStartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BlockEndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ExpectedPeople = table.Column<int>(type: "INTEGER", nullable: false),
                    Equipment = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SuggestedStartsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SuggestedEndsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SuggestionMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsLateCancellation = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedByStaff = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bookings", x => x.Id);
                    table.CheckConstraint("CK_Bookings_EndAfterStart", "EndsAt > StartsAt");
                    table.CheckConstraint("CK_Bookings_Held", "BlockStartsAt <= StartsAt AND BlockEndsAt >= EndsAt");
                    table.CheckConstraint("CK_Bookings_People", "ExpectedPeople >= 1 AND ExpectedPeople <= 10000");
                    table.CheckConstraint("CK_Bookings_Rejected", "Status <> 'Rejected' OR RejectionReason IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_Bookings_AspNetUsers_CancelledById",
                        column: x => x.CancelledById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Bookings_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Bookings_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Bookings_BookingSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "BookingSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bookings_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bookings_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpaceRelations",
                columns: table => new
                {
                    SpaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RelatedId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceRelations", x => new { x.SpaceId, x.RelatedId });
                    table.ForeignKey(
                        name: "FK_SpaceRelations_Spaces_RelatedId",
                        column: x => x.RelatedId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SpaceRelations_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BookingNotifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookingNotifications_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DoorCodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoorCodes", x => x.Id);
                    table.CheckConstraint("CK_DoorCodes_Validity", "ValidUntil > ValidFrom");
                    table.ForeignKey(
                        name: "FK_DoorCodes_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DoorCodes_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // What existed before venue booking is kept. Every event's organiser name becomes an organisation (Hamar
            // kommune is always there: staff's events and blocks are in its name); each venue gets its outermost space,
            // "Hele lokalet", and lending hours equal to its opening hours. A published venue event keeps its slot through
            // an approved booking without buffers; a draft no longer holds the room, so its booking waits for staff
            // (pending). Whoever has the Organiser role and owns an event becomes a member of its organisation, so they
            // can still save it – never of the municipality's: typing «Hamar kommune» as organiser name gave no right to it.
            migrationBuilder.Sql("""
                INSERT INTO Organisations (Name, ContactName, ContactEmail, IsMunicipality, IsActive, CreatedAt)
                SELECT 'Hamar kommune', 'Bylab Hamar', 'bylab@hamar.kommune.no', 1, 1, strftime('%Y-%m-%d %H:%M:%S', 'now')
                WHERE NOT EXISTS (SELECT 1 FROM Organisations WHERE Name = 'Hamar kommune');
                INSERT INTO Organisations (Name, ContactName, ContactEmail, IsMunicipality, IsActive, CreatedAt)
                SELECT DISTINCT e.OrganiserName, substr(e.OrganiserName, 1, 100), 'bylab@hamar.kommune.no', 0, 1, strftime('%Y-%m-%d %H:%M:%S', 'now')
                FROM Events e
                WHERE e.OrganiserName <> '' AND NOT EXISTS (SELECT 1 FROM Organisations o WHERE o.Name = e.OrganiserName);
                UPDATE Events SET OrganisationId = (SELECT o.Id FROM Organisations o WHERE o.Name = Events.OrganiserName);
                INSERT INTO OrganisationMembers (OrganisationId, UserId, AddedAt)
                SELECT DISTINCT e.OrganisationId, e.OwnerId, strftime('%Y-%m-%d %H:%M:%S', 'now')
                FROM Events e
                JOIN Organisations o ON o.Id = e.OrganisationId AND o.IsMunicipality = 0
                JOIN AspNetUserRoles ur ON ur.UserId = e.OwnerId
                JOIN AspNetRoles r ON r.Id = ur.RoleId AND r.Name = 'Organiser';

                INSERT INTO Spaces (VenueId, ParentId, Name, Description, Capacity, Equipment, SetupMinutes, CleanupMinutes, MinMinutes, MaxMinutes,
                    MinNoticeHours, MaxDaysAhead, IsActive, SortOrder)
                SELECT Id, NULL, 'Hele lokalet', '', Capacity, 0, 0, 0, 30, 720, 48, 180, 1, 0 FROM Venues;
                INSERT INTO SpaceRelations (SpaceId, RelatedId) SELECT Id, Id FROM Spaces;
                INSERT INTO LendingHours (VenueId, Day, Opens, Closes) SELECT VenueId, Day, Opens, Closes FROM OpeningHours;
                UPDATE Events SET SpaceId = (SELECT s.Id FROM Spaces s WHERE s.VenueId = Events.VenueId AND s.ParentId IS NULL)
                WHERE VenueId IS NOT NULL;

                INSERT INTO Bookings (SpaceId, OrganisationId, RequestedById, Kind, Status, StartsAt, EndsAt, BlockStartsAt, BlockEndsAt, Purpose,
                    ExpectedPeople, Equipment, IsPublic, DecidedAt, IsLateCancellation, ChangedByStaff, Sequence, CreatedAt)
                SELECT e.SpaceId, e.OrganisationId, e.OwnerId, 'Event', CASE e.Status WHEN 'Published' THEN 'Approved' ELSE 'Pending' END,
                    e.StartsAt, e.EndsAt, e.StartsAt, e.EndsAt, substr(e.Title, 1, 150), min(max(e.Capacity, 1), 10000), 0, 0,
                    CASE e.Status WHEN 'Published' THEN e.CreatedAt END, 0, 0, 0, e.CreatedAt
                FROM Events e
                WHERE e.VenueId IS NOT NULL AND e.Status <> 'Cancelled' AND e.OrganisationId IS NOT NULL;
                UPDATE Events SET BookingId = (
                    SELECT b.Id FROM Bookings b
                    WHERE b.Kind = 'Event' AND b.SpaceId = Events.SpaceId AND b.StartsAt = Events.StartsAt AND b.EndsAt = Events.EndsAt
                    ORDER BY b.Id LIMIT 1)
                WHERE VenueId IS NOT NULL AND Status <> 'Cancelled';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Events_OnePerBooking",
                table: "Events",
                column: "BookingId",
                unique: true,
                filter: "BookingId IS NOT NULL AND Status <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "IX_Events_OrganisationId",
                table: "Events",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_SpaceId",
                table: "Events",
                column: "SpaceId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Events_VenueBooking",
                table: "Events",
                sql: "NOT (Status = 'Published' AND LocationKind = 'Venue' AND BookingId IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_BookingNotifications_BookingId",
                table: "BookingNotifications",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_BookingNotifications_Unsent",
                table: "BookingNotifications",
                column: "CreatedAt",
                filter: "SentAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_CancelledById",
                table: "Bookings",
                column: "CancelledById");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_DecidedById",
                table: "Bookings",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Held",
                table: "Bookings",
                columns: new[] { "SpaceId", "Status", "BlockStartsAt", "BlockEndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_OrganisationId_StartsAt",
                table: "Bookings",
                columns: new[] { "OrganisationId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_RequestedById",
                table: "Bookings",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_SeriesId",
                table: "Bookings",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Status_CreatedAt",
                table: "Bookings",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DoorCodes_BookingId",
                table: "DoorCodes",
                column: "BookingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DoorCodes_VenueId_Code_ValidFrom",
                table: "DoorCodes",
                columns: new[] { "VenueId", "Code", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_LendingHours_VenueId_Day",
                table: "LendingHours",
                columns: new[] { "VenueId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMembers_UserId",
                table: "OrganisationMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpaceRelations_RelatedId",
                table: "SpaceRelations",
                column: "RelatedId");

            migrationBuilder.CreateIndex(
                name: "IX_Spaces_ParentId",
                table: "Spaces",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Spaces_VenueId_Name",
                table: "Spaces",
                columns: new[] { "VenueId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffFeedTokens_TokenHash",
                table: "StaffFeedTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffFeedTokens_UserId",
                table: "StaffFeedTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_VenueClosures_VenueId_FirstDate",
                table: "VenueClosures",
                columns: new[] { "VenueId", "FirstDate" });

            migrationBuilder.AddForeignKey(
                name: "FK_Events_Bookings_BookingId",
                table: "Events",
                column: "BookingId",
                principalTable: "Bookings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Events_Organisations_OrganisationId",
                table: "Events",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Events_Spaces_SpaceId",
                table: "Events",
                column: "SpaceId",
                principalTable: "Spaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The database's own guard against overlapping approved bookings (Data/BookingTriggers.cs).
            migrationBuilder.Sql(BookingTriggers.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(BookingTriggers.Drop);

            migrationBuilder.DropForeignKey(
                name: "FK_Events_Bookings_BookingId",
                table: "Events");

            migrationBuilder.DropForeignKey(
                name: "FK_Events_Organisations_OrganisationId",
                table: "Events");

            migrationBuilder.DropForeignKey(
                name: "FK_Events_Spaces_SpaceId",
                table: "Events");

            migrationBuilder.DropTable(
                name: "BookingNotifications");

            migrationBuilder.DropTable(
                name: "DoorCodes");

            migrationBuilder.DropTable(
                name: "LendingHours");

            migrationBuilder.DropTable(
                name: "OrganisationMembers");

            migrationBuilder.DropTable(
                name: "SpaceRelations");

            migrationBuilder.DropTable(
                name: "StaffFeedTokens");

            migrationBuilder.DropTable(
                name: "VenueClosures");

            migrationBuilder.DropTable(
                name: "Bookings");

            migrationBuilder.DropTable(
                name: "BookingSeries");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "Spaces");

            migrationBuilder.DropIndex(
                name: "IX_Events_OnePerBooking",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_OrganisationId",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_SpaceId",
                table: "Events");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Events_VenueBooking",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "AccessInstructions",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "AccessibilityInfo",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "ClosedOnPublicHolidays",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "ContactPerson",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "TidyingInstructions",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "BookingId",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "SpaceId",
                table: "Events");
        }
    }
}
