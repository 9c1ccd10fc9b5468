using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Demands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demands",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    problem = table.Column<string>(type: "TEXT", nullable: false),
                    sector = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demands", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_demands_external_id",
                table: "demands",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_demands_status",
                table: "demands",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demands");
        }
    }
}
