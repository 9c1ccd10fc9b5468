using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScenarioMarketplace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "budget_max",
                table: "demands",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "budget_min",
                table: "demands",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "budget_text",
                table: "demands",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "capabilities",
                table: "demands",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "contact",
                table: "demands",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "deadline",
                table: "demands",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "district_id",
                table: "demands",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner_user_id",
                table: "demands",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "possible_duplicate_of_id",
                table: "demands",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "docking_events",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_docking_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "match_decisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    demand_id = table.Column<int>(type: "INTEGER", nullable: false),
                    candidate_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_decisions_demands_demand_id",
                        column: x => x.demand_id,
                        principalTable: "demands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "solutions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    capabilities = table.Column<string>(type: "TEXT", nullable: false),
                    sectors = table.Column<string>(type: "TEXT", nullable: false),
                    chain_nodes = table.Column<string>(type: "TEXT", nullable: false),
                    reference_cases = table.Column<string>(type: "TEXT", nullable: true),
                    price_text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_solutions", x => x.id);
                    table.ForeignKey(
                        name: "fk_solutions_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dockings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    demand_id = table.Column<int>(type: "INTEGER", nullable: false),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    solution_id = table.Column<int>(type: "INTEGER", nullable: true),
                    stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dockings", x => x.id);
                    table.ForeignKey(
                        name: "fk_dockings_demands_demand_id",
                        column: x => x.demand_id,
                        principalTable: "demands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dockings_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dockings_solution_solution_id",
                        column: x => x.solution_id,
                        principalTable: "solutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "docking_steps",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    docking_id = table.Column<int>(type: "INTEGER", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    event_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_docking_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_docking_steps_docking_event_event_id",
                        column: x => x.event_id,
                        principalTable: "docking_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_docking_steps_dockings_docking_id",
                        column: x => x.docking_id,
                        principalTable: "dockings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_documents_current_version_id",
                table: "documents",
                column: "current_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_demands_owner_user_id",
                table: "demands",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_docking_steps_docking_id",
                table: "docking_steps",
                column: "docking_id");

            migrationBuilder.CreateIndex(
                name: "ix_docking_steps_event_id",
                table: "docking_steps",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_dockings_demand_id_enterprise_id",
                table: "dockings",
                columns: new[] { "demand_id", "enterprise_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dockings_enterprise_id",
                table: "dockings",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_dockings_solution_id",
                table: "dockings",
                column: "solution_id");

            migrationBuilder.CreateIndex(
                name: "ix_dockings_stage",
                table: "dockings",
                column: "stage");

            migrationBuilder.CreateIndex(
                name: "ix_match_decisions_demand_id_candidate_key",
                table: "match_decisions",
                columns: new[] { "demand_id", "candidate_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_solutions_enterprise_id",
                table: "solutions",
                column: "enterprise_id");

            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS search_demands USING fts5(title, body, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0 tokenchars '-.+_#'\");");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS search_solutions USING fts5(title, body, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0 tokenchars '-.+_#'\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_demands;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_solutions;");

            migrationBuilder.DropTable(
                name: "docking_steps");

            migrationBuilder.DropTable(
                name: "match_decisions");

            migrationBuilder.DropTable(
                name: "docking_events");

            migrationBuilder.DropTable(
                name: "dockings");

            migrationBuilder.DropTable(
                name: "solutions");

            migrationBuilder.DropIndex(
                name: "ix_documents_current_version_id",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "ix_demands_owner_user_id",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "budget_max",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "budget_min",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "budget_text",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "capabilities",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "contact",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "deadline",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "district_id",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "owner_user_id",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "possible_duplicate_of_id",
                table: "demands");
        }
    }
}
