using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CarrierCapacityAndFunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "fund_focus",
                table: "carriers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fund_manager",
                table: "carriers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "fund_size",
                table: "carriers",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "carrier_capacities",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    carrier_id = table.Column<int>(type: "INTEGER", nullable: false),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    total_peta = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    intelligent_peta = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    entered_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carrier_capacities", x => x.id);
                    table.ForeignKey(
                        name: "fk_carrier_capacities_carrier_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_carrier_capacities_carrier_id_year",
                table: "carrier_capacities",
                columns: new[] { "carrier_id", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "carrier_capacities");

            migrationBuilder.DropColumn(
                name: "fund_focus",
                table: "carriers");

            migrationBuilder.DropColumn(
                name: "fund_manager",
                table: "carriers");

            migrationBuilder.DropColumn(
                name: "fund_size",
                table: "carriers");
        }
    }
}
