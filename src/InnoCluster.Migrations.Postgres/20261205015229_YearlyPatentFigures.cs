using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class YearlyPatentFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "patents_granted",
                table: "enterprise_yearly_figures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "patents_valid",
                table: "enterprise_yearly_figures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "patents_granted",
                table: "enterprise_fact_changes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "patents_valid",
                table: "enterprise_fact_changes",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "patents_granted",
                table: "enterprise_yearly_figures");

            migrationBuilder.DropColumn(
                name: "patents_valid",
                table: "enterprise_yearly_figures");

            migrationBuilder.DropColumn(
                name: "patents_granted",
                table: "enterprise_fact_changes");

            migrationBuilder.DropColumn(
                name: "patents_valid",
                table: "enterprise_fact_changes");
        }
    }
}
