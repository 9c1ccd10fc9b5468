using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnterpriseNameOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "name_order_key",
                table: "enterprises",
                type: "bytea",
                maxLength: 600,
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_name_order_key",
                table: "enterprises",
                column: "name_order_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enterprises_name_order_key",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "name_order_key",
                table: "enterprises");
        }
    }
}
