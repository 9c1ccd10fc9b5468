using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AppealDistrict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "district_id",
                table: "appeals",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_appeals_received_at",
                table: "appeals",
                column: "received_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_appeals_received_at",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "district_id",
                table: "appeals");
        }
    }
}
