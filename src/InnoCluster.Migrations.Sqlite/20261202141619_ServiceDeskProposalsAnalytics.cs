using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceDeskProposalsAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "district_id",
                table: "appeals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "suggested_theme",
                table: "appeals",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "suggested_theme_confidence",
                table: "appeals",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    session = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    proposer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    lead_unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    co_units = table.Column<string>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reply_text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    drafted_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    signed_off_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    signed_off_at = table.Column<long>(type: "INTEGER", nullable: true),
                    replied_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    contact_name_protected = table.Column<string>(type: "TEXT", nullable: true),
                    contact_phone_protected = table.Column<string>(type: "TEXT", nullable: true),
                    disclosure_index = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    publisher = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    disclosure = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reply_document_id = table.Column<int>(type: "INTEGER", nullable: true),
                    proposer_satisfaction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    met_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    feedback_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    seed_source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposals", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposals_documents_reply_document_id",
                        column: x => x.reply_document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "proposal_commitments",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    proposal_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    quote = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_commitments", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_commitments_proposal_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_opinions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    proposal_id = table.Column<int>(type: "INTEGER", nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_opinions", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_opinions_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commitment_reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    commitment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    done = table.Column<bool>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitment_reports_proposal_commitments_commitment_id",
                        column: x => x.commitment_id,
                        principalTable: "proposal_commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_analytics",
                table: "appeals",
                columns: new[] { "received_at", "theme", "suggested_theme", "district_id", "lead_unit", "enterprise_id", "status", "rating", "accept_due_at", "first_response_at", "first_response_due_at", "resolved_at", "resolve_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_commitment_reports_commitment_id_at",
                table: "commitment_reports",
                columns: new[] { "commitment_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_commitments_proposal_id_number",
                table: "proposal_commitments",
                columns: new[] { "proposal_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proposal_commitments_unit",
                table: "proposal_commitments",
                column: "unit");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_opinions_proposal_id",
                table: "proposal_opinions",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_kind_session_number",
                table: "proposals",
                columns: new[] { "kind", "session", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proposals_lead_unit",
                table: "proposals",
                column: "lead_unit");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_reply_document_id",
                table: "proposals",
                column: "reply_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_seed_source",
                table: "proposals",
                column: "seed_source");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commitment_reports");

            migrationBuilder.DropTable(
                name: "proposal_opinions");

            migrationBuilder.DropTable(
                name: "proposal_commitments");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropIndex(
                name: "ix_appeals_analytics",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "district_id",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "suggested_theme",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "suggested_theme_confidence",
                table: "appeals");
        }
    }
}
