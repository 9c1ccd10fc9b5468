using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScenarioLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "list_id",
                table: "demands",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "scenario_lists",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scenario_lists", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_demands_list_id",
                table: "demands",
                column: "list_id");

            migrationBuilder.CreateIndex(
                name: "ix_scenario_lists_name",
                table: "scenario_lists",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scenario_lists_number",
                table: "scenario_lists",
                column: "number",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_demands_scenario_list_list_id",
                table: "demands",
                column: "list_id",
                principalTable: "scenario_lists",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Lists named on demands before lists were records: one record each, numbered in the order of their
            // first demand; the day of issue was not kept, so it is the day of this migration.
            migrationBuilder.Sql("INSERT INTO scenario_lists (number, name, issued_on, issued_by) SELECT ROW_NUMBER() OVER (ORDER BY MIN(id)), list_name, date('now'), 'migration' FROM demands WHERE list_name IS NOT NULL GROUP BY list_name");
            migrationBuilder.Sql("UPDATE demands SET list_id = (SELECT s.id FROM scenario_lists s WHERE s.name = demands.list_name) WHERE list_name IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_demands_scenario_list_list_id",
                table: "demands");

            migrationBuilder.DropTable(
                name: "scenario_lists");

            migrationBuilder.DropIndex(
                name: "ix_demands_list_id",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "list_id",
                table: "demands");
        }
    }
}
