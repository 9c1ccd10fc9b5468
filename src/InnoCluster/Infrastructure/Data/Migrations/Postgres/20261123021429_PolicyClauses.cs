using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PolicyClauses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policy_clauses",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    document_id = table.Column<int>(type: "integer", nullable: true),
                    document_title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    source_quote = table.Column<string>(type: "text", nullable: true),
                    source_start = table.Column<int>(type: "integer", nullable: true),
                    source_length = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    beneficiary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    method = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    cap = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    minimum = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    rate_percent = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    rate_base = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    amount_text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    undetermined = table.Column<bool>(type: "boolean", nullable: false),
                    conditions_json = table.Column<string>(type: "text", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    how_to_apply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    responsible_unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_clauses", x => x.id);
                    table.ForeignKey(
                        name: "fk_policy_clauses_document_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "policy_clause_revisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    clause_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    terms_json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_clause_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_policy_clause_revisions_policy_clauses_clause_id",
                        column: x => x.clause_id,
                        principalTable: "policy_clauses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_policy_clause_revisions_clause_id_number",
                table: "policy_clause_revisions",
                columns: new[] { "clause_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_policy_clauses_document_id",
                table: "policy_clauses",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_policy_clauses_status",
                table: "policy_clauses",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policy_clause_revisions");

            migrationBuilder.DropTable(
                name: "policy_clauses");
        }
    }
}
