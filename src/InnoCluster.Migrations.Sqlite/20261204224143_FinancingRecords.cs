using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FinancingRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprise_financing",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    round = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    investors = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    granted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    entered_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_financing", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_financing_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_financing_enterprise_id",
                table: "enterprise_financing",
                column: "enterprise_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprise_financing");
        }
    }
}
