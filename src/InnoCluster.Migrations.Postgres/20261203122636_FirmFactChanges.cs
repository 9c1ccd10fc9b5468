using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FirmFactChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprise_fact_changes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    revenue = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    rd_spend = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    employees = table.Column<int>(type: "integer", nullable: true),
                    established_on = table.Column<DateOnly>(type: "date", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    district_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    replace = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    proposed_by_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    proposed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_fact_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_fact_changes_districts_district_id",
                        column: x => x.district_id,
                        principalTable: "districts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enterprise_fact_changes_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_fact_changes_district_id",
                table: "enterprise_fact_changes",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_fact_changes_enterprise_id_proposed_at",
                table: "enterprise_fact_changes",
                columns: new[] { "enterprise_id", "proposed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_fact_changes_status_proposed_at",
                table: "enterprise_fact_changes",
                columns: new[] { "status", "proposed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprise_fact_changes");
        }
    }
}
