using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanTargetSourceText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "source_text",
                table: "plan_targets",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Targets read before this column existed: their figure as written is their text.
            migrationBuilder.Sql("UPDATE plan_targets SET source_text = text");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "source_text",
                table: "plan_targets");
        }
    }
}
