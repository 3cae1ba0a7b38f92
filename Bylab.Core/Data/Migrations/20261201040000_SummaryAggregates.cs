using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <summary>
    /// Issue 14 (speed): per-consultation change stamps and two aggregates kept by triggers, so a vote in one
    /// consultation neither invalidates the summaries of the others nor makes its own recomputation scan 200,000 votes.
    /// <list type="bullet">
    /// <item><c>SummaryConsultationStamps</c>: <c>Version</c> moves on with every write a consultation's summary reads
    /// (resolved through the idea or the event link); <c>TextVersion</c> only when an idea's text or listing changes
    /// (the words depend on nothing else); <c>IdeasVersion</c> when anything of the ideas but their vote and comment
    /// counters changes (listing, theme, status, answer, dates, principles, goals). The global <c>SummaryStamps</c> stays for themes and accounts.</item>
    /// <item><c>SummaryDays</c>: counted votes and comments per consultation and UTC day (the growth chart).</item>
    /// <item><c>SummaryParticipants</c>: per consultation and account, how many counted contributions (listed idea,
    /// counted comment, vote on a listed idea) it has; a participant is a row with <c>Uses &gt; 0</c>.</item>
    /// </list>
    /// «Counted» is the summary's rule (Summaries/README.md): an idea visible, not withdrawn, not merged; a comment visible
    /// and not deleted, on such an idea. Triggers rather than the services, for the same reason as
    /// <c>SummaryChangeStamp</c>: moderation, merges, account deletion (foreign keys set to NULL) and plain SQL are caught.
    /// SQL only: the model does not change.
    /// </summary>
    [DbContext(typeof(BylabDbContext))]
    [Migration("20261201040000_SummaryAggregates")]
    public partial class SummaryAggregates : Migration
    {
        /// <summary>The per-table triggers of <c>SummaryChangeStamp</c> that the per-consultation ones replace.</summary>
        private static readonly string[] PerConsultationTables =
            ["Ideas", "Votes", "Comments", "IdeaPrinciples", "IdeaGoals", "Consultations", "ConsultationEvents",
             "ConsultationConclusions", "Events", "Registrations"];

        private static string Listed(string i) =>
            $"({i}.ModerationState = 'Visible' AND {i}.WithdrawnAt IS NULL AND {i}.MergedIntoId IS NULL)";

        private static string Counted(string c) => $"({c}.ModerationState = 'Visible' AND {c}.DeletedAt IS NULL)";

        private static string Day(string column) => $"substr({column}, 1, 10)";

        private static string Bump(string consultationId) =>
            $"UPDATE SummaryConsultationStamps SET Version = Version + 1 WHERE ConsultationId = {consultationId};";

        private static string BumpText(string consultationId) =>
            $"UPDATE SummaryConsultationStamps SET TextVersion = TextVersion + 1, IdeasVersion = IdeasVersion + 1, Version = Version + 1 WHERE ConsultationId = {consultationId};";

        private static string BumpIdeas(string consultationId) =>
            $"UPDATE SummaryConsultationStamps SET IdeasVersion = IdeasVersion + 1, Version = Version + 1 WHERE ConsultationId = {consultationId};";

        private static string IdeaConsultation(string ideaId) => $"(SELECT ConsultationId FROM Ideas WHERE Id = {ideaId})";

        private static string ListedIdeaConsultation(string ideaId) =>
            $"(SELECT i.ConsultationId FROM Ideas i WHERE i.Id = {ideaId} AND {Listed("i")})";

        private static string EventConsultations(string eventId) =>
            $"UPDATE SummaryConsultationStamps SET Version = Version + 1 WHERE ConsultationId IN (SELECT ConsultationId FROM ConsultationEvents WHERE EventId = {eventId});";

        /// <summary>One vote (<paramref name="v"/> = NEW or OLD) added (+1) or taken away (-1).</summary>
        private static string Vote(string v, int sign) => sign > 0
            ? $"""
              INSERT INTO SummaryDays (ConsultationId, Day, Votes) SELECT i.ConsultationId, {Day($"{v}.CreatedAt")}, 1
                FROM Ideas i WHERE i.Id = {v}.IdeaId AND {Listed("i")} ON CONFLICT DO UPDATE SET Votes = Votes + 1;
              INSERT INTO SummaryParticipants (ConsultationId, UserId, Uses) SELECT i.ConsultationId, {v}.UserId, 1
                FROM Ideas i WHERE i.Id = {v}.IdeaId AND {v}.UserId IS NOT NULL AND {Listed("i")} ON CONFLICT DO UPDATE SET Uses = Uses + 1;
              """
            : $"""
              UPDATE SummaryDays SET Votes = Votes - 1
                WHERE ConsultationId = {ListedIdeaConsultation($"{v}.IdeaId")} AND Day = {Day($"{v}.CreatedAt")};
              UPDATE SummaryParticipants SET Uses = Uses - 1
                WHERE ConsultationId = {ListedIdeaConsultation($"{v}.IdeaId")} AND UserId = {v}.UserId;
              """;

        /// <summary>One comment added or taken away, if it is counted.</summary>
        private static string Comment(string c, int sign) => sign > 0
            ? $"""
              INSERT INTO SummaryDays (ConsultationId, Day, Comments) SELECT i.ConsultationId, {Day($"{c}.CreatedAt")}, 1
                FROM Ideas i WHERE i.Id = {c}.IdeaId AND {Listed("i")} AND {Counted(c)} ON CONFLICT DO UPDATE SET Comments = Comments + 1;
              INSERT INTO SummaryParticipants (ConsultationId, UserId, Uses) SELECT i.ConsultationId, {c}.AuthorId, 1
                FROM Ideas i WHERE i.Id = {c}.IdeaId AND {c}.AuthorId IS NOT NULL AND {Listed("i")} AND {Counted(c)}
                ON CONFLICT DO UPDATE SET Uses = Uses + 1;
              """
            : $"""
              UPDATE SummaryDays SET Comments = Comments - 1
                WHERE {Counted(c)} AND ConsultationId = {ListedIdeaConsultation($"{c}.IdeaId")} AND Day = {Day($"{c}.CreatedAt")};
              UPDATE SummaryParticipants SET Uses = Uses - 1
                WHERE {Counted(c)} AND ConsultationId = {ListedIdeaConsultation($"{c}.IdeaId")} AND UserId = {c}.AuthorId;
              """;

        /// <summary>The accounts behind an idea's counted contributions: its author, its voters, its counted comments' authors (one row each).</summary>
        private static string Contributors(string i) =>
            $"SELECT {i}.AuthorId AS u UNION ALL SELECT UserId FROM Votes WHERE IdeaId = {i}.Id " +
            $"UNION ALL SELECT c.AuthorId FROM Comments c WHERE c.IdeaId = {i}.Id AND {Counted("c")}";

        private static string ContributionDays(string i) =>
            $"SELECT {Day("CreatedAt")} AS d, 1 AS v, 0 AS n FROM Votes WHERE IdeaId = {i}.Id " +
            $"UNION ALL SELECT {Day("c.CreatedAt")}, 0, 1 FROM Comments c WHERE c.IdeaId = {i}.Id AND {Counted("c")}";

        /// <summary>Everything a listed idea brings to its consultation's aggregates, added or taken away as a whole.</summary>
        private static string Idea(string i, int sign) => sign > 0
            ? $"""
              INSERT INTO SummaryParticipants (ConsultationId, UserId, Uses)
                SELECT {i}.ConsultationId, u, COUNT(*) FROM ({Contributors(i)}) WHERE u IS NOT NULL AND {Listed(i)} GROUP BY u
                ON CONFLICT DO UPDATE SET Uses = Uses + excluded.Uses;
              INSERT INTO SummaryDays (ConsultationId, Day, Votes, Comments)
                SELECT {i}.ConsultationId, d, SUM(v), SUM(n) FROM ({ContributionDays(i)}) WHERE {Listed(i)} GROUP BY d
                ON CONFLICT DO UPDATE SET Votes = Votes + excluded.Votes, Comments = Comments + excluded.Comments;
              """
            : $"""
              UPDATE SummaryParticipants SET Uses = Uses - (SELECT COUNT(*) FROM ({Contributors(i)}) WHERE u = SummaryParticipants.UserId)
                WHERE {Listed(i)} AND ConsultationId = {i}.ConsultationId AND UserId IN (SELECT u FROM ({Contributors(i)}));
              UPDATE SummaryDays SET
                  Votes = Votes - (SELECT COALESCE(SUM(v), 0) FROM ({ContributionDays(i)}) WHERE d = SummaryDays.Day),
                  Comments = Comments - (SELECT COALESCE(SUM(n), 0) FROM ({ContributionDays(i)}) WHERE d = SummaryDays.Day)
                WHERE {Listed(i)} AND ConsultationId = {i}.ConsultationId AND Day IN (SELECT d FROM ({ContributionDays(i)}));
              """;

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in PerConsultationTables)
            {
                foreach (var kind in new[] { "Insert", "Update", "Delete" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS TR_{table}_SummaryStamp_{kind};");
                }
            }
            migrationBuilder.Sql("""
                CREATE TABLE SummaryConsultationStamps (ConsultationId INTEGER NOT NULL PRIMARY KEY,
                    Version INTEGER NOT NULL DEFAULT 0, TextVersion INTEGER NOT NULL DEFAULT 0, IdeasVersion INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE SummaryDays (ConsultationId INTEGER NOT NULL, Day TEXT NOT NULL,
                    Votes INTEGER NOT NULL DEFAULT 0, Comments INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (ConsultationId, Day)) WITHOUT ROWID;
                CREATE TABLE SummaryParticipants (ConsultationId INTEGER NOT NULL, UserId TEXT NOT NULL, Uses INTEGER NOT NULL,
                    PRIMARY KEY (ConsultationId, UserId)) WITHOUT ROWID;
                CREATE INDEX IX_SummaryParticipants_UserId ON SummaryParticipants (UserId);
                INSERT INTO SummaryConsultationStamps (ConsultationId) SELECT Id FROM Consultations;
                """);
            // Back-fill from the rows as they are: every listed idea's contributions.
            migrationBuilder.Sql($"""
                INSERT INTO SummaryParticipants (ConsultationId, UserId, Uses)
                  SELECT i.ConsultationId, x.u, COUNT(*) FROM Ideas i JOIN (
                      SELECT Id AS IdeaId, AuthorId AS u FROM Ideas
                      UNION ALL SELECT IdeaId, UserId FROM Votes
                      UNION ALL SELECT c.IdeaId, c.AuthorId FROM Comments c WHERE {Counted("c")}) x ON x.IdeaId = i.Id
                  WHERE {Listed("i")} AND x.u IS NOT NULL GROUP BY i.ConsultationId, x.u;
                INSERT INTO SummaryDays (ConsultationId, Day, Votes, Comments)
                  SELECT i.ConsultationId, x.d, SUM(x.v), SUM(x.n) FROM Ideas i JOIN (
                      SELECT IdeaId, {Day("CreatedAt")} AS d, 1 AS v, 0 AS n FROM Votes
                      UNION ALL SELECT c.IdeaId, {Day("c.CreatedAt")}, 0, 1 FROM Comments c WHERE {Counted("c")}) x ON x.IdeaId = i.Id
                  WHERE {Listed("i")} GROUP BY i.ConsultationId, x.d;
                """);

            Trigger(migrationBuilder, "TR_Consultations_Summary_Insert", "AFTER INSERT ON Consultations",
                "INSERT OR IGNORE INTO SummaryConsultationStamps (ConsultationId) VALUES (NEW.Id);");
            Trigger(migrationBuilder, "TR_Consultations_Summary_Update", "AFTER UPDATE ON Consultations", Bump("NEW.Id") + Bump("OLD.Id"));
            Trigger(migrationBuilder, "TR_Consultations_Summary_Delete", "AFTER DELETE ON Consultations",
                "DELETE FROM SummaryConsultationStamps WHERE ConsultationId = OLD.Id;");

            Trigger(migrationBuilder, "TR_Votes_Summary_Insert", "AFTER INSERT ON Votes", Vote("NEW", 1) + Bump(IdeaConsultation("NEW.IdeaId")));
            Trigger(migrationBuilder, "TR_Votes_Summary_Delete", "AFTER DELETE ON Votes", Vote("OLD", -1) + Bump(IdeaConsultation("OLD.IdeaId")));
            Trigger(migrationBuilder, "TR_Votes_Summary_Update", "AFTER UPDATE OF IdeaId, UserId, CreatedAt ON Votes",
                Vote("OLD", -1) + Vote("NEW", 1) + Bump(IdeaConsultation("OLD.IdeaId")) + Bump(IdeaConsultation("NEW.IdeaId")));

            Trigger(migrationBuilder, "TR_Comments_Summary_Insert", "AFTER INSERT ON Comments", Comment("NEW", 1) + Bump(IdeaConsultation("NEW.IdeaId")));
            Trigger(migrationBuilder, "TR_Comments_Summary_Delete", "AFTER DELETE ON Comments", Comment("OLD", -1) + Bump(IdeaConsultation("OLD.IdeaId")));
            Trigger(migrationBuilder, "TR_Comments_Summary_Update",
                "AFTER UPDATE OF IdeaId, AuthorId, CreatedAt, ModerationState, DeletedAt ON Comments",
                Comment("OLD", -1) + Comment("NEW", 1) + Bump(IdeaConsultation("OLD.IdeaId")) + Bump(IdeaConsultation("NEW.IdeaId")));

            Trigger(migrationBuilder, "TR_Ideas_Summary_Insert", "AFTER INSERT ON Ideas", Idea("NEW", 1) + BumpText("NEW.ConsultationId"));
            // Before the row goes: its votes and comments are then deleted by the cascade, and no longer find a listed idea.
            Trigger(migrationBuilder, "TR_Ideas_Summary_Delete", "BEFORE DELETE ON Ideas", Idea("OLD", -1) + BumpText("OLD.ConsultationId"));
            Trigger(migrationBuilder, "TR_Ideas_Summary_Listing",
                "AFTER UPDATE OF ModerationState, WithdrawnAt, MergedIntoId, ConsultationId, AuthorId ON Ideas " +
                "WHEN OLD.ModerationState IS NOT NEW.ModerationState OR OLD.WithdrawnAt IS NOT NEW.WithdrawnAt " +
                "OR OLD.MergedIntoId IS NOT NEW.MergedIntoId OR OLD.ConsultationId IS NOT NEW.ConsultationId OR OLD.AuthorId IS NOT NEW.AuthorId",
                Idea("OLD", -1) + Idea("NEW", 1));
            Trigger(migrationBuilder, "TR_Ideas_Summary_Text",
                "AFTER UPDATE OF Title, BodyMarkdown, ModerationState, WithdrawnAt, MergedIntoId, ConsultationId ON Ideas",
                BumpText("OLD.ConsultationId") + BumpText("NEW.ConsultationId"));
            // Status, answer, theme, dates: what the ideas part reads besides the text; the counters only move Version.
            Trigger(migrationBuilder, "TR_Ideas_Summary_Ideas",
                "AFTER UPDATE OF ThemeId, Status, AnswerMarkdown, AnsweredAt, CreatedAt ON Ideas",
                BumpIdeas("OLD.ConsultationId") + BumpIdeas("NEW.ConsultationId"));
            Trigger(migrationBuilder, "TR_Ideas_Summary_Update", "AFTER UPDATE ON Ideas", Bump("OLD.ConsultationId") + Bump("NEW.ConsultationId"));

            foreach (var table in new[] { "IdeaPrinciples", "IdeaGoals" })
            {
                Trigger(migrationBuilder, $"TR_{table}_Summary_Insert", $"AFTER INSERT ON {table}", BumpIdeas(IdeaConsultation("NEW.IdeaId")));
                Trigger(migrationBuilder, $"TR_{table}_Summary_Update", $"AFTER UPDATE ON {table}",
                    BumpIdeas(IdeaConsultation("OLD.IdeaId")) + BumpIdeas(IdeaConsultation("NEW.IdeaId")));
                Trigger(migrationBuilder, $"TR_{table}_Summary_Delete", $"AFTER DELETE ON {table}", BumpIdeas(IdeaConsultation("OLD.IdeaId")));
            }
            foreach (var table in new[] { "ConsultationEvents", "ConsultationConclusions" })
            {
                Trigger(migrationBuilder, $"TR_{table}_Summary_Insert", $"AFTER INSERT ON {table}", Bump("NEW.ConsultationId"));
                Trigger(migrationBuilder, $"TR_{table}_Summary_Update", $"AFTER UPDATE ON {table}", Bump("OLD.ConsultationId") + Bump("NEW.ConsultationId"));
                Trigger(migrationBuilder, $"TR_{table}_Summary_Delete", $"AFTER DELETE ON {table}", Bump("OLD.ConsultationId"));
            }
            Trigger(migrationBuilder, "TR_Events_Summary_Update", "AFTER UPDATE ON Events", EventConsultations("OLD.Id") + EventConsultations("NEW.Id"));
            Trigger(migrationBuilder, "TR_Events_Summary_Delete", "BEFORE DELETE ON Events", EventConsultations("OLD.Id"));
            Trigger(migrationBuilder, "TR_Registrations_Summary_Insert", "AFTER INSERT ON Registrations", EventConsultations("NEW.EventId"));
            Trigger(migrationBuilder, "TR_Registrations_Summary_Update", "AFTER UPDATE ON Registrations",
                EventConsultations("OLD.EventId") + EventConsultations("NEW.EventId"));
            Trigger(migrationBuilder, "TR_Registrations_Summary_Delete", "AFTER DELETE ON Registrations", EventConsultations("OLD.EventId"));

            // Identity writes every column of an account on any change (a login, a new security stamp): only a real change
            // of what the summary reads moves the global stamp.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_AspNetUsers_SummaryStamp_Update;");
            Trigger(migrationBuilder, "TR_AspNetUsers_SummaryStamp_Update",
                "AFTER UPDATE OF AgeGroup, MunicipalityPart, DemographicsConsentedAt ON AspNetUsers " +
                "WHEN OLD.AgeGroup IS NOT NEW.AgeGroup OR OLD.MunicipalityPart IS NOT NEW.MunicipalityPart " +
                "OR OLD.DemographicsConsentedAt IS NOT NEW.DemographicsConsentedAt",
                "UPDATE SummaryStamps SET Version = Version + 1 WHERE Id = 1;");

            // A deleted account is nobody's participant any more (its contributions stay, anonymous, in the other figures).
            Trigger(migrationBuilder, "TR_AspNetUsers_Summary_Delete", "BEFORE DELETE ON AspNetUsers", """
                UPDATE SummaryConsultationStamps SET Version = Version + 1
                  WHERE ConsultationId IN (SELECT ConsultationId FROM SummaryParticipants WHERE UserId = OLD.Id);
                DELETE FROM SummaryParticipants WHERE UserId = OLD.Id;
                """);
        }

        private static void Trigger(MigrationBuilder migrationBuilder, string name, string when, string body) =>
            migrationBuilder.Sql($"CREATE TRIGGER {name} {when} BEGIN\n{body}\nEND;");

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in new[]
                     {
                         "TR_Consultations_Summary_Insert", "TR_Consultations_Summary_Update", "TR_Consultations_Summary_Delete",
                         "TR_Votes_Summary_Insert", "TR_Votes_Summary_Delete", "TR_Votes_Summary_Update",
                         "TR_Comments_Summary_Insert", "TR_Comments_Summary_Delete", "TR_Comments_Summary_Update",
                         "TR_Ideas_Summary_Insert", "TR_Ideas_Summary_Delete", "TR_Ideas_Summary_Listing", "TR_Ideas_Summary_Text",
                         "TR_Ideas_Summary_Ideas", "TR_Ideas_Summary_Update", "TR_IdeaPrinciples_Summary_Insert", "TR_IdeaPrinciples_Summary_Update",
                         "TR_IdeaPrinciples_Summary_Delete", "TR_IdeaGoals_Summary_Insert", "TR_IdeaGoals_Summary_Update",
                         "TR_IdeaGoals_Summary_Delete", "TR_ConsultationEvents_Summary_Insert", "TR_ConsultationEvents_Summary_Update",
                         "TR_ConsultationEvents_Summary_Delete", "TR_ConsultationConclusions_Summary_Insert",
                         "TR_ConsultationConclusions_Summary_Update", "TR_ConsultationConclusions_Summary_Delete",
                         "TR_Events_Summary_Update", "TR_Events_Summary_Delete", "TR_Registrations_Summary_Insert",
                         "TR_Registrations_Summary_Update", "TR_Registrations_Summary_Delete", "TR_AspNetUsers_Summary_Delete",
                     })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name};");
            }
            migrationBuilder.Sql("DROP TABLE IF EXISTS SummaryParticipants; DROP TABLE IF EXISTS SummaryDays; DROP TABLE IF EXISTS SummaryConsultationStamps;");
            // The global stamp's triggers come back as SummaryChangeStamp made them.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_AspNetUsers_SummaryStamp_Update;");
            migrationBuilder.Sql("CREATE TRIGGER TR_AspNetUsers_SummaryStamp_Update AFTER UPDATE OF AgeGroup, MunicipalityPart, DemographicsConsentedAt ON AspNetUsers BEGIN UPDATE SummaryStamps SET Version = Version + 1 WHERE Id = 1; END;");
            const string bump = "UPDATE SummaryStamps SET Version = Version + 1 WHERE Id = 1;";
            foreach (var table in PerConsultationTables)
            {
                migrationBuilder.Sql($"CREATE TRIGGER TR_{table}_SummaryStamp_Insert AFTER INSERT ON {table} BEGIN {bump} END;");
                migrationBuilder.Sql($"CREATE TRIGGER TR_{table}_SummaryStamp_Update AFTER UPDATE ON {table} BEGIN {bump} END;");
                migrationBuilder.Sql($"CREATE TRIGGER TR_{table}_SummaryStamp_Delete AFTER DELETE ON {table} BEGIN {bump} END;");
            }
        }
    }
}
