using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnterpriseRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "listed_on",
                table: "enterprise_tiers",
                newName: "granted_on");

            migrationBuilder.AddColumn<string>(
                name: "board",
                table: "enterprise_tiers",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "end_reason",
                table: "enterprise_tiers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ended_on",
                table: "enterprise_tiers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entered_by",
                table: "enterprise_tiers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "expires_on",
                table: "enterprise_tiers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_note",
                table: "enterprise_tiers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reviewed_at",
                table: "enterprise_tiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reviewed_by",
                table: "enterprise_tiers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "enterprise_tiers",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.AddColumn<string>(
                name: "end_reason",
                table: "enterprise_filings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ended_on",
                table: "enterprise_filings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entered_by",
                table: "enterprise_filings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "expires_on",
                table: "enterprise_filings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "granted_on",
                table: "enterprise_filings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_note",
                table: "enterprise_filings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reviewed_at",
                table: "enterprise_filings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reviewed_by",
                table: "enterprise_filings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "enterprise_filings",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.CreateTable(
                name: "enterprise_certifications",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    product_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    granted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    entered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    review_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_certifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_certifications_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_standards",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    granted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    entered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    review_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_standards", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_standards_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_certifications_enterprise_id",
                table: "enterprise_certifications",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_certifications_kind_enterprise_id",
                table: "enterprise_certifications",
                columns: new[] { "kind", "enterprise_id" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_standards_enterprise_id",
                table: "enterprise_standards",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_standards_number",
                table: "enterprise_standards",
                column: "number");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprise_certifications");

            migrationBuilder.DropTable(
                name: "enterprise_standards");

            migrationBuilder.DropColumn(
                name: "board",
                table: "enterprise_tiers");

            migrationBuilder.DropColumn(
                name: "end_reason",
                table: "enterprise_tiers");

            migrationBuilder.DropColumn(
                name: "ended_on",
                table: "enterprise_tiers");

            migrationBuilder.DropColumn(
                name: "entered_by",
                table: "enterprise_tiers");

            migrationBuilder.DropColumn(
                name: "expires_on",
                table: "enterprise_tiers");

            migrationBuilder.DropColumn(
                name: "review_note",
                table: "enterprise_tiers");

            migrationBuilder.DropColumn(
                name: "reviewed_at",
                table: "enterprise_tiers");

            migrationBuilder.DropColumn(
                name: "reviewed_by",
                table: "enterprise_tiers");

            migrationBuilder.DropColumn(
                name: "status",
                table: "enterprise_tiers");

            migrationBuilder.DropColumn(
                name: "end_reason",
                table: "enterprise_filings");

            migrationBuilder.DropColumn(
                name: "ended_on",
                table: "enterprise_filings");

            migrationBuilder.DropColumn(
                name: "entered_by",
                table: "enterprise_filings");

            migrationBuilder.DropColumn(
                name: "expires_on",
                table: "enterprise_filings");

            migrationBuilder.DropColumn(
                name: "granted_on",
                table: "enterprise_filings");

            migrationBuilder.DropColumn(
                name: "review_note",
                table: "enterprise_filings");

            migrationBuilder.DropColumn(
                name: "reviewed_at",
                table: "enterprise_filings");

            migrationBuilder.DropColumn(
                name: "reviewed_by",
                table: "enterprise_filings");

            migrationBuilder.DropColumn(
                name: "status",
                table: "enterprise_filings");

            migrationBuilder.RenameColumn(
                name: "granted_on",
                table: "enterprise_tiers",
                newName: "listed_on");
        }
    }
}
