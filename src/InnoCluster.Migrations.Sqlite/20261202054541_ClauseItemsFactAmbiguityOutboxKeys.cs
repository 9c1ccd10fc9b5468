using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Each clause's one support item moves into the list, amounts as written (SQLite keeps decimals as text).
            migrationBuilder.Sql("""
                UPDATE policy_clauses SET support_json = json_array(json_object(
                    'method', method, 'amount', amount, 'cap', cap, 'minimum', minimum, 'ratePercent', rate_percent,
                    'rateBase', rate_base, 'amountText', amount_text,
                    'undetermined', CASE WHEN undetermined THEN json('true') ELSE json('false') END));
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    xml = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    to = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true)
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
                type: "TEXT",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "amount_text",
                table: "policy_clauses",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "cap",
                table: "policy_clauses",
                type: "TEXT",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "minimum",
                table: "policy_clauses",
                type: "TEXT",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rate_base",
                table: "policy_clauses",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "rate_percent",
                table: "policy_clauses",
                type: "TEXT",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "undetermined",
                table: "policy_clauses",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Back to one item: the first (a clause with several keeps only its first).
            migrationBuilder.Sql("""
                UPDATE policy_clauses SET
                    amount = json_extract(support_json, '$[0].amount'), cap = json_extract(support_json, '$[0].cap'),
                    minimum = json_extract(support_json, '$[0].minimum'), rate_percent = json_extract(support_json, '$[0].ratePercent'),
                    rate_base = json_extract(support_json, '$[0].rateBase'), amount_text = json_extract(support_json, '$[0].amountText'),
                    undetermined = coalesce(json_extract(support_json, '$[0].undetermined'), 0);
                """);

            migrationBuilder.DropColumn(
                name: "support_json",
                table: "policy_clauses");
        }
    }
}
