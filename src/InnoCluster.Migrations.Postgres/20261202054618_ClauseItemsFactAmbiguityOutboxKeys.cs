using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClauseItemsFactAmbiguityOutboxKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "support_json",
                table: "policy_clauses",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            // Each clause's one support item moves into the list.
            migrationBuilder.Sql("""
                UPDATE policy_clauses SET support_json = json_build_array(json_strip_nulls(json_build_object(
                    'method', method, 'amount', amount, 'cap', cap, 'minimum', minimum, 'ratePercent', rate_percent,
                    'rateBase', rate_base, 'amountText', amount_text, 'undetermined', undetermined)))::text;
                """);

            migrationBuilder.DropColumn(
                name: "amount",
                table: "policy_clauses");

            migrationBuilder.DropColumn(
                name: "amount_text",
                table: "policy_clauses");

            migrationBuilder.DropColumn(
                name: "cap",
                table: "policy_clauses");

            migrationBuilder.DropColumn(
                name: "minimum",
                table: "policy_clauses");

            migrationBuilder.DropColumn(
                name: "rate_base",
                table: "policy_clauses");

            migrationBuilder.DropColumn(
                name: "rate_percent",
                table: "policy_clauses");

            migrationBuilder.DropColumn(
                name: "undetermined",
                table: "policy_clauses");

            migrationBuilder.AddColumn<string>(
                name: "ambiguity",
                table: "document_facts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    to = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    message_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    claimed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_status_next_attempt_at",
                table: "outbox_messages",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "ambiguity",
                table: "document_facts");

            migrationBuilder.AddColumn<decimal>(
                name: "amount",
                table: "policy_clauses",
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "amount_text",
                table: "policy_clauses",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "cap",
                table: "policy_clauses",
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "minimum",
                table: "policy_clauses",
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rate_base",
                table: "policy_clauses",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "rate_percent",
                table: "policy_clauses",
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "undetermined",
                table: "policy_clauses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Back to one item: the first (a clause with several keeps only its first).
            migrationBuilder.Sql("""
                UPDATE policy_clauses SET
                    amount = (support_json::json->0->>'amount')::numeric, cap = (support_json::json->0->>'cap')::numeric,
                    minimum = (support_json::json->0->>'minimum')::numeric, rate_percent = (support_json::json->0->>'ratePercent')::numeric,
                    rate_base = support_json::json->0->>'rateBase', amount_text = support_json::json->0->>'amountText',
                    undetermined = coalesce((support_json::json->0->>'undetermined')::boolean, false);
                """);

            migrationBuilder.DropColumn(
                name: "support_json",
                table: "policy_clauses");
        }
    }
}
