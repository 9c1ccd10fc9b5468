using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CarrierStagesAndTierCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enterprise_tiers_tier_enterprise_id",
                table: "enterprise_tiers");

            migrationBuilder.AddColumn<string>(
                name: "approving_body",
                table: "carriers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "level",
                table: "carriers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Unspecified");

            migrationBuilder.CreateTable(
                name: "carrier_backers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    carrier_id = table.Column<int>(type: "integer", nullable: false),
                    enterprise_id = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carrier_backers", x => x.id);
                    table.ForeignKey(
                        name: "fk_carrier_backers_carrier_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_carrier_backers_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "carrier_stages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    carrier_id = table.Column<int>(type: "integer", nullable: false),
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
                    table.PrimaryKey("pk_carrier_stages", x => x.id);
                    table.ForeignKey(
                        name: "fk_carrier_stages_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_tiers_tier_status_enterprise_id_level_granted_on",
                table: "enterprise_tiers",
                columns: new[] { "tier", "status", "enterprise_id", "level", "granted_on", "year", "expires_on", "ended_on" });

            migrationBuilder.CreateIndex(
                name: "ix_carrier_backers_carrier_id",
                table: "carrier_backers",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_carrier_backers_enterprise_id",
                table: "carrier_backers",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_carrier_stages_carrier_id_stage",
                table: "carrier_stages",
                columns: new[] { "carrier_id", "stage" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "carrier_backers");

            migrationBuilder.DropTable(
                name: "carrier_stages");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_tiers_tier_status_enterprise_id_level_granted_on",
                table: "enterprise_tiers");

            migrationBuilder.DropColumn(
                name: "approving_body",
                table: "carriers");

            migrationBuilder.DropColumn(
                name: "level",
                table: "carriers");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_tiers_tier_enterprise_id",
                table: "enterprise_tiers",
                columns: new[] { "tier", "enterprise_id" });
        }
    }
}
