using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClauseSupportItems : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
