using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanTasksAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "task_id",
                table: "plan_targets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "quote_end",
                table: "indicator_observations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "quote_start",
                table: "indicator_observations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "report_id",
                table: "indicator_observations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "plan_actions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    plan_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    text_start = table.Column<int>(type: "INTEGER", nullable: false),
                    units = table.Column<string>(type: "TEXT", nullable: false),
                    proposed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_actions_action_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "action_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_period_closures",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    plan_id = table.Column<int>(type: "INTEGER", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reporting_period_closures", x => x.id);
                    table.ForeignKey(
                        name: "fk_reporting_period_closures_action_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "action_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    plan_id = table.Column<int>(type: "INTEGER", nullable: false),
                    action_id = table.Column<int>(type: "INTEGER", nullable: false),
                    box = table.Column<int>(type: "INTEGER", nullable: false),
                    box_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    text_start = table.Column<int>(type: "INTEGER", nullable: false),
                    units = table.Column<string>(type: "TEXT", nullable: false),
                    proposed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_tasks_action_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "action_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plan_tasks_plan_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "plan_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    task_id = table.Column<int>(type: "INTEGER", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    attachments = table.Column<string>(type: "TEXT", nullable: false),
                    filed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    filed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    late = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_reports_plan_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plan_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_targets_task_id",
                table: "plan_targets",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_observations_report_id",
                table: "indicator_observations",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_plan_id_number",
                table: "plan_actions",
                columns: new[] { "plan_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_action_id",
                table: "plan_tasks",
                column: "action_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_plan_id_box_number",
                table: "plan_tasks",
                columns: new[] { "plan_id", "box", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reporting_period_closures_plan_id_period",
                table: "reporting_period_closures",
                columns: new[] { "plan_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_reports_task_id_period_version",
                table: "task_reports",
                columns: new[] { "task_id", "period", "version" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_indicator_observations_task_report_report_id",
                table: "indicator_observations",
                column: "report_id",
                principalTable: "task_reports",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_plan_targets_plan_task_task_id",
                table: "plan_targets",
                column: "task_id",
                principalTable: "plan_tasks",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_indicator_observations_task_report_report_id",
                table: "indicator_observations");

            migrationBuilder.DropForeignKey(
                name: "fk_plan_targets_plan_task_task_id",
                table: "plan_targets");

            migrationBuilder.DropTable(
                name: "reporting_period_closures");

            migrationBuilder.DropTable(
                name: "task_reports");

            migrationBuilder.DropTable(
                name: "plan_tasks");

            migrationBuilder.DropTable(
                name: "plan_actions");

            migrationBuilder.DropIndex(
                name: "ix_plan_targets_task_id",
                table: "plan_targets");

            migrationBuilder.DropIndex(
                name: "ix_indicator_observations_report_id",
                table: "indicator_observations");

            migrationBuilder.DropColumn(
                name: "task_id",
                table: "plan_targets");

            migrationBuilder.DropColumn(
                name: "quote_end",
                table: "indicator_observations");

            migrationBuilder.DropColumn(
                name: "quote_start",
                table: "indicator_observations");

            migrationBuilder.DropColumn(
                name: "report_id",
                table: "indicator_observations");
        }
    }
}
