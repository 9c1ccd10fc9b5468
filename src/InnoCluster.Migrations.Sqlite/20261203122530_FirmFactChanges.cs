using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    revenue = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    rd_spend = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    employees = table.Column<int>(type: "INTEGER", nullable: true),
                    established_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    district_id = table.Column<int>(type: "INTEGER", nullable: true),
                    district_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    replace = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    proposed_by_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    proposed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    proposed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
