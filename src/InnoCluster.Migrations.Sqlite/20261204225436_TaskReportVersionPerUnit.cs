using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskReportVersionPerUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_reports_task_id_period_version",
                table: "task_reports");

            migrationBuilder.CreateIndex(
                name: "ix_task_reports_task_id_period_unit_version",
                table: "task_reports",
                columns: new[] { "task_id", "period", "unit", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_reports_task_id_period_unit_version",
                table: "task_reports");

            migrationBuilder.CreateIndex(
                name: "ix_task_reports_task_id_period_version",
                table: "task_reports",
                columns: new[] { "task_id", "period", "version" },
                unique: true);
        }
    }
}
