using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "candidate_field",
                table: "call_applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "candidate_name",
                table: "call_applications",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "candidate_position",
                table: "call_applications",
                type: "character varying(100)",
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
