using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceDeskCalendarAppeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    theme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: true),
                    enterprise_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    contact_name_protected = table.Column<string>(type: "TEXT", nullable: true),
                    contact_phone_protected = table.Column<string>(type: "TEXT", nullable: true),
                    filed_by_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    lead_unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    co_units = table.Column<string>(type: "TEXT", nullable: false),
                    accept_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    assigned_at = table.Column<long>(type: "INTEGER", nullable: true),
                    first_response_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    first_response_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolve_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    due_is_provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    extension_approved = table.Column<bool>(type: "INTEGER", nullable: true),
                    rating = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    rating_comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    escalated_for = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    quote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    notice_year = table.Column<int>(type: "INTEGER", nullable: true),
                    edited_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    edited_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "holiday_notices",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    published = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holiday_notices", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "appeal_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    appeal_id = table.Column<int>(type: "INTEGER", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeal_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_appeal_steps_appeals_appeal_id",
                        column: x => x.appeal_id,
                        principalTable: "appeals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appeal_steps_appeal_id_at",
                table: "appeal_steps",
                columns: new[] { "appeal_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_enterprise_id",
                table: "appeals",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_lead_unit",
                table: "appeals",
                column: "lead_unit");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_status_received_at",
                table: "appeals",
                columns: new[] { "status", "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeal_steps");

            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "holiday_notices");

            migrationBuilder.DropTable(
                name: "appeals");
        }
    }
}
