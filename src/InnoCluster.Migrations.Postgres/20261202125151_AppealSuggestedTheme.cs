using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AppealSuggestedTheme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "suggested_theme",
                table: "appeals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "suggested_theme_confidence",
                table: "appeals",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "suggested_theme",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "suggested_theme_confidence",
                table: "appeals");
        }
    }
}
