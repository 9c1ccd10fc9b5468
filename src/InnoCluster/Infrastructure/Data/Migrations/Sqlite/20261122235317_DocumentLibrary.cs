using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    lineage_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    current_version_id = table.Column<int>(type: "INTEGER", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    issuing_body = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    level = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    level_text = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    categories = table.Column<string>(type: "TEXT", nullable: false),
                    support_methods = table.Column<string>(type: "TEXT", nullable: false),
                    supported_industries = table.Column<string>(type: "TEXT", nullable: false),
                    disclosure_index = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    generated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    document_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    seed_file = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "document_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    document_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    source_file = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    original_text = table.Column<string>(type: "TEXT", nullable: false),
                    clean_text = table.Column<string>(type: "TEXT", nullable: false),
                    ingested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ingested_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_versions_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_facts",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    version_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    metric = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    upper_value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    qualifier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text_start = table.Column<int>(type: "INTEGER", nullable: false),
                    sentence_start = table.Column<int>(type: "INTEGER", nullable: false),
                    sentence_length = table.Column<int>(type: "INTEGER", nullable: false),
                    sentence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: true),
                    carrier_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_facts", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_facts_document_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "document_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_passages",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    version_id = table.Column<int>(type: "INTEGER", nullable: false),
                    document_id = table.Column<int>(type: "INTEGER", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    start = table.Column<int>(type: "INTEGER", nullable: false),
                    length = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_passages", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_passages_document_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "document_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_sections",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    version_id = table.Column<int>(type: "INTEGER", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    start = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_sections_document_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "document_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_document_facts_carrier_id",
                table: "document_facts",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_facts_enterprise_id",
                table: "document_facts",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_facts_version_id",
                table: "document_facts",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_passages_document_id",
                table: "document_passages",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_passages_version_id_ordinal",
                table: "document_passages",
                columns: new[] { "version_id", "ordinal" });

            migrationBuilder.CreateIndex(
                name: "ix_document_sections_version_id_order",
                table: "document_sections",
                columns: new[] { "version_id", "order" });

            migrationBuilder.CreateIndex(
                name: "ix_document_versions_content_hash",
                table: "document_versions",
                column: "content_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_document_versions_document_id_number",
                table: "document_versions",
                columns: new[] { "document_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_documents_kind_year",
                table: "documents",
                columns: new[] { "kind", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_documents_lineage_key",
                table: "documents",
                column: "lineage_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_documents_seed_file",
                table: "documents",
                column: "seed_file");

            // Full-text indexes of the document library (SqliteSearchDialect).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS search_documents USING fts5(title, body, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0 tokenchars '-.+_#'\");");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS search_passages USING fts5(title, body, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0 tokenchars '-.+_#'\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_documents;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_passages;");
            migrationBuilder.DropTable(
                name: "document_facts");

            migrationBuilder.DropTable(
                name: "document_passages");

            migrationBuilder.DropTable(
                name: "document_sections");

            migrationBuilder.DropTable(
                name: "document_versions");

            migrationBuilder.DropTable(
                name: "documents");
        }
    }
}
