using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DocumentNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name",
                table: "documents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_documents_name",
                table: "documents",
                column: "name");

            // The name a query calls each document by (LawCitation.NameOf): the title without 中华人民共和国 and
            // without a code's part (its books, 总则, 分则, 附则). Titles written in traditional script or full-width Latin are named as
            // LawCitation.NameOf does when they are next imported.
            migrationBuilder.Sql("""
                UPDATE documents SET name = replace(replace(lower(trim(title)), '（', '('), '）', ')');
                UPDATE documents SET name = substr(name, 8) WHERE name LIKE '中华人民共和国_%';
                UPDATE documents SET name = substr(name, 1, strpos(name, ' ') - 1) WHERE strpos(name, ' ') > 1 AND (name LIKE '%编' OR name LIKE '%总则' OR name LIKE '%分则' OR name LIKE '%附则');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_documents_name",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "name",
                table: "documents");
        }
    }
}
