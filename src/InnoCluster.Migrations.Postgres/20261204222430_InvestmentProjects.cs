using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvestmentProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "investment_projects",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    seed_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    investor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    investor_enterprise_id = table.Column<int>(type: "integer", nullable: true),
                    investor_from = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    investment = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    chain_node_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    place = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    responsible_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_investment_projects", x => x.id);
                    table.ForeignKey(
                        name: "fk_investment_projects_chain_nodes_chain_node_id",
                        column: x => x.chain_node_id,
                        principalTable: "chain_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_investment_projects_districts_district_id",
                        column: x => x.district_id,
                        principalTable: "districts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_investment_projects_enterprises_investor_enterprise_id",
                        column: x => x.investor_enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "investment_project_stages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    entered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_investment_project_stages", x => x.id);
                    table.ForeignKey(
                        name: "fk_investment_project_stages_investment_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "investment_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_investment_project_stages_project_id_stage",
                table: "investment_project_stages",
                columns: new[] { "project_id", "stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_investment_projects_chain_node_id",
                table: "investment_projects",
                column: "chain_node_id");

            migrationBuilder.CreateIndex(
                name: "ix_investment_projects_district_id",
                table: "investment_projects",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_investment_projects_investor_enterprise_id",
                table: "investment_projects",
                column: "investor_enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_investment_projects_seed_key",
                table: "investment_projects",
                column: "seed_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "investment_project_stages");

            migrationBuilder.DropTable(
                name: "investment_projects");
        }
    }
}
