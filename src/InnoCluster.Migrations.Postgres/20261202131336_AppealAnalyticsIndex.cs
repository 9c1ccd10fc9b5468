using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AppealAnalyticsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_appeals_received_at",
                table: "appeals");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_analytics",
                table: "appeals",
                columns: new[] { "received_at", "theme", "suggested_theme", "district_id", "lead_unit", "enterprise_id", "status", "rating", "accept_due_at", "first_response_at", "first_response_due_at", "resolved_at", "resolve_due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_appeals_analytics",
                table: "appeals");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_received_at",
                table: "appeals",
                column: "received_at");
        }
    }
}
