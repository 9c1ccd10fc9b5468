using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FactAmbiguity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ambiguity",
                table: "document_facts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ambiguity",
                table: "document_facts");
        }
    }
}
