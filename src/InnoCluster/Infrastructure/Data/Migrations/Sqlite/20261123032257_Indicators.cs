using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "computed_indicator",
                table: "plan_targets",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "indicator_observations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    target_id = table.Column<int>(type: "INTEGER", nullable: false),
                    observed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    qualifier = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    document_id = table.Column<int>(type: "INTEGER", nullable: true),
                    quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_observations", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_observations_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_indicator_observations_plan_target_target_id",
                        column: x => x.target_id,
                        principalTable: "plan_targets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicator_observations_document_id",
                table: "indicator_observations",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_observations_target_id_observed_on",
                table: "indicator_observations",
                columns: new[] { "target_id", "observed_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_observations");

            migrationBuilder.DropColumn(
                name: "computed_indicator",
                table: "plan_targets");
        }
    }
}
