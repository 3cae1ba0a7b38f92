using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <summary>
    /// Issue 14 (performance): one row whose <c>Version</c> every write to a table a summary reads moves on, by triggers,
    /// so <c>SummaryCache</c> can tell in one primary-key read whether a computed summary still holds. Triggers rather
    /// than the services bumping it: moderation, account deletion (foreign keys set to NULL), imports and tests that write
    /// with plain SQL are all caught. The model does not change (the table is read with SQL), so there is no snapshot change.
    /// </summary>
    [DbContext(typeof(BylabDbContext))]
    [Migration("20261201025500_SummaryChangeStamp")]
    public partial class SummaryChangeStamp : Migration
    {
        /// <summary>Every table a summary's figures, words, events or demographics come from.</summary>
        private static readonly string[] Tables =
            ["Ideas", "Votes", "Comments", "IdeaPrinciples", "IdeaGoals", "Themes", "Consultations", "ConsultationEvents",
             "ConsultationConclusions", "Events", "Registrations"];

        private const string Bump = "UPDATE SummaryStamps SET Version = Version + 1 WHERE Id = 1;";

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE SummaryStamps (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1), Version INTEGER NOT NULL);");
            migrationBuilder.Sql("INSERT INTO SummaryStamps (Id, Version) VALUES (1, 0);");
            foreach (var table in Tables)
            {
                foreach (var (name, when) in Events(table))
                {
                    migrationBuilder.Sql($"CREATE TRIGGER {name} AFTER {when} BEGIN {Bump} END;");
                }
            }
            // Accounts: only what the summary reads (demographics) and deletion; logins and profile edits leave it alone.
            migrationBuilder.Sql($"CREATE TRIGGER TR_AspNetUsers_SummaryStamp_Update AFTER UPDATE OF AgeGroup, MunicipalityPart, DemographicsConsentedAt ON AspNetUsers BEGIN {Bump} END;");
            migrationBuilder.Sql($"CREATE TRIGGER TR_AspNetUsers_SummaryStamp_Delete AFTER DELETE ON AspNetUsers BEGIN {Bump} END;");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var (name, _) in Events(table))
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name};");
                }
            }
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_AspNetUsers_SummaryStamp_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_AspNetUsers_SummaryStamp_Delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS SummaryStamps;");
        }

        private static IEnumerable<(string Name, string When)> Events(string table) =>
        [
            ($"TR_{table}_SummaryStamp_Insert", $"INSERT ON {table}"),
            ($"TR_{table}_SummaryStamp_Update", $"UPDATE ON {table}"),
            ($"TR_{table}_SummaryStamp_Delete", $"DELETE ON {table}"),
        ];
    }
}
