using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bylab.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ideas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    WhereAreWe = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhereDoWeWantToGo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HowDoWeGetThere = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    DescriptionMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IdeasCloseAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcludedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MaxVotesPerPerson = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.CheckConstraint("CK_Consultations_Dates", "OpensAt <= IdeasCloseAt AND IdeasCloseAt <= ClosesAt");
                    table.CheckConstraint("CK_Consultations_MaxVotes", "MaxVotesPerPerson IS NULL OR MaxVotesPerPerson > 0");
                    table.ForeignKey(
                        name: "FK_Consultations_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ideas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    AnswerMarkdown = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    VoteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ideas", x => x.Id);
                    table.CheckConstraint("CK_Ideas_Counts", "VoteCount >= 0 AND CommentCount >= 0");
                    table.CheckConstraint("CK_Ideas_NotMergedIntoItself", "MergedIntoId IS NULL OR MergedIntoId <> Id");
                    table.CheckConstraint("CK_Ideas_Title", "length(trim(Title)) > 0");
                    table.ForeignKey(
                        name: "FK_Ideas_AspNetUsers_AnsweredById",
                        column: x => x.AnsweredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ideas_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ideas_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Ideas_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BodyMarkdown = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                    table.CheckConstraint("CK_Comments_NotOwnParent", "ParentId IS NULL OR ParentId <> Id");
                    table.ForeignKey(
                        name: "FK_Comments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Comments_Comments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Comments_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaFollowers",
                columns: table => new
                {
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaFollowers", x => new { x.IdeaId, x.UserId });
                    table.ForeignKey(
                        name: "FK_IdeaFollowers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaFollowers_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaGoals",
                columns: table => new
                {
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaGoals", x => new { x.IdeaId, x.Number });
                    table.CheckConstraint("CK_IdeaGoals_Number", "Number BETWEEN 1 AND 17");
                    table.ForeignKey(
                        name: "FK_IdeaGoals_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaPrinciples",
                columns: table => new
                {
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaPrinciples", x => new { x.IdeaId, x.Code });
                    table.CheckConstraint("CK_IdeaPrinciples_Code", "Code IN ('innbyggerne-i-sentrum', 'tenk-helhetlig', 'klima-og-miljo', 'inkludering-og-samskaping', 'neste-generasjon-naeringsliv', 'apne-data', 'kompetanse-og-innovasjon', 'begynn-lokalt-tenk-globalt')");
                    table.ForeignKey(
                        name: "FK_IdeaPrinciples_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Votes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Votes_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorId",
                table: "Comments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_IdeaId_CreatedAt",
                table: "Comments",
                columns: new[] { "IdeaId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ParentId",
                table: "Comments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_OpensAt",
                table: "Consultations",
                column: "OpensAt");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Slug",
                table: "Consultations",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_ThemeId",
                table: "Consultations",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaFollowers_UserId",
                table: "IdeaFollowers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaGoals_Number_IdeaId",
                table: "IdeaGoals",
                columns: new[] { "Number", "IdeaId" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaPrinciples_Code_IdeaId",
                table: "IdeaPrinciples",
                columns: new[] { "Code", "IdeaId" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_AnsweredById",
                table: "Ideas",
                column: "AnsweredById");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_AuthorId",
                table: "Ideas",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CommentCount",
                table: "Ideas",
                column: "CommentCount");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ConsultationId_CreatedAt",
                table: "Ideas",
                columns: new[] { "ConsultationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CreatedAt",
                table: "Ideas",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_MergedIntoId",
                table: "Ideas",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_Status",
                table: "Ideas",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ThemeId",
                table: "Ideas",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_VoteCount",
                table: "Ideas",
                column: "VoteCount");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_Slug",
                table: "Themes",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Votes_IdeaId_CreatedAt",
                table: "Votes",
                columns: new[] { "IdeaId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Votes_IdeaId_UserId",
                table: "Votes",
                columns: new[] { "IdeaId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Votes_UserId",
                table: "Votes",
                column: "UserId");

            // Full-text search over idea titles and bodies. External content: the text lives once, in Ideas;
            // triggers keep the index in step. 'remove_diacritics 0' keeps æ, ø and å distinct letters
            // (so "pa" does not find «på») while still folding their case (Ø = ø).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE IdeasFts USING fts5(
                    Title, BodyMarkdown,
                    content = 'Ideas', content_rowid = 'Id',
                    tokenize = 'unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Ideas_Fts_Insert AFTER INSERT ON Ideas BEGIN
                    INSERT INTO IdeasFts (rowid, Title, BodyMarkdown) VALUES (new.Id, new.Title, new.BodyMarkdown);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Ideas_Fts_Delete AFTER DELETE ON Ideas BEGIN
                    INSERT INTO IdeasFts (IdeasFts, rowid, Title, BodyMarkdown) VALUES ('delete', old.Id, old.Title, old.BodyMarkdown);
                END;
                """);
            // Only text changes touch the index: vote and comment counters change far more often.
            migrationBuilder.Sql("""
                CREATE TRIGGER Ideas_Fts_Update AFTER UPDATE OF Title, BodyMarkdown ON Ideas BEGIN
                    INSERT INTO IdeasFts (IdeasFts, rowid, Title, BodyMarkdown) VALUES ('delete', old.Id, old.Title, old.BodyMarkdown);
                    INSERT INTO IdeasFts (rowid, Title, BodyMarkdown) VALUES (new.Id, new.Title, new.BodyMarkdown);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Ideas_Fts_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Ideas_Fts_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Ideas_Fts_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS IdeasFts;");
            migrationBuilder.DropTable(
                name: "Comments");

            migrationBuilder.DropTable(
                name: "IdeaFollowers");

            migrationBuilder.DropTable(
                name: "IdeaGoals");

            migrationBuilder.DropTable(
                name: "IdeaPrinciples");

            migrationBuilder.DropTable(
                name: "Votes");

            migrationBuilder.DropTable(
                name: "Ideas");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "Themes");
        }
    }
}
