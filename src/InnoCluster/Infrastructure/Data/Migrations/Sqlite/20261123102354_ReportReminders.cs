using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_reminders",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    plan_id = table.Column<int>(type: "INTEGER", nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    overdue_tasks = table.Column<int>(type: "INTEGER", nullable: false),
                    recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    sent_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_reminders_action_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "action_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_reminders_plan_id_unit_sent_at",
                table: "report_reminders",
                columns: new[] { "plan_id", "unit", "sent_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_reminders");
        }
    }
}
