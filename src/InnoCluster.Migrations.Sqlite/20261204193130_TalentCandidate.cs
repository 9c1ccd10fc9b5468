using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TalentCandidate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "candidate_chain_node_id",
                table: "call_applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "candidate_field",
                table: "call_applications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "candidate_name",
                table: "call_applications",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "candidate_position",
                table: "call_applications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "candidate_chain_node_id",
                table: "call_applications");

            migrationBuilder.DropColumn(
                name: "candidate_field",
                table: "call_applications");

            migrationBuilder.DropColumn(
                name: "candidate_name",
                table: "call_applications");

            migrationBuilder.DropColumn(
                name: "candidate_position",
                table: "call_applications");
        }
    }
}
