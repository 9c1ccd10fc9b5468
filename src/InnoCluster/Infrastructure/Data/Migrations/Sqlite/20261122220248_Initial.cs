using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chain_nodes",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    layer = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_id = table.Column<int>(type: "INTEGER", nullable: true),
                    synonyms = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chain_nodes", x => x.id);
                    table.ForeignKey(
                        name: "fk_chain_nodes_chain_nodes_parent_id",
                        column: x => x.parent_id,
                        principalTable: "chain_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    aliases = table.Column<string>(type: "TEXT", nullable: false),
                    is_core_zone = table.Column<bool>(type: "INTEGER", nullable: false),
                    specialities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_districts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_mappings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    columns = table.Column<string>(type: "TEXT", nullable: false),
                    implied_tiers = table.Column<string>(type: "TEXT", nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_mappings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "seed_runs",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seed_runs", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    district_id = table.Column<int>(type: "INTEGER", nullable: true),
                    district_source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    district_source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    district_source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    district_source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    district_source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    district_source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    established_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    established_year = table.Column<int>(type: "INTEGER", nullable: true),
                    established_source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    established_source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    established_source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    established_source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    established_source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    established_source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    business = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    seed_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprises_districts_district_id",
                        column: x => x.district_id,
                        principalTable: "districts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "carriers",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    seed_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    district_id = table.Column<int>(type: "INTEGER", nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    host_enterprise_id = table.Column<int>(type: "INTEGER", nullable: true),
                    aliases = table.Column<string>(type: "TEXT", nullable: false),
                    chain_node_ids = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers", x => x.id);
                    table.ForeignKey(
                        name: "fk_carriers_district_district_id",
                        column: x => x.district_id,
                        principalTable: "districts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_carriers_enterprise_host_enterprise_id",
                        column: x => x.host_enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_chain_links",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    chain_node_id = table.Column<int>(type: "INTEGER", nullable: false),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_chain_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_chain_links_chain_nodes_chain_node_id",
                        column: x => x.chain_node_id,
                        principalTable: "chain_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enterprise_chain_links_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_filings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_filings", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_filings_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_names",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    match_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_names", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_names_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_products",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_products", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_products_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_statements",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_statements_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_tiers",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    tier = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    listed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    security_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_tiers", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_tiers_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_yearly_figures",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    revenue = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    rd_spend = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    employees = table.Column<int>(type: "INTEGER", nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_yearly_figures", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_yearly_figures_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "carrier_statements",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    carrier_id = table.Column<int>(type: "INTEGER", nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carrier_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_carrier_statements_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_carrier_statements_carrier_id",
                table: "carrier_statements",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_district_id",
                table: "carriers",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_host_enterprise_id",
                table: "carriers",
                column: "host_enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_seed_key",
                table: "carriers",
                column: "seed_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chain_nodes_code",
                table: "chain_nodes",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chain_nodes_parent_id",
                table: "chain_nodes",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_districts_code",
                table: "districts",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_chain_links_chain_node_id_enterprise_id",
                table: "enterprise_chain_links",
                columns: new[] { "chain_node_id", "enterprise_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_chain_links_enterprise_id",
                table: "enterprise_chain_links",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_filings_enterprise_id",
                table: "enterprise_filings",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_names_enterprise_id",
                table: "enterprise_names",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_names_match_key",
                table: "enterprise_names",
                column: "match_key");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_products_enterprise_id",
                table: "enterprise_products",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_statements_enterprise_id",
                table: "enterprise_statements",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_tiers_enterprise_id",
                table: "enterprise_tiers",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_tiers_tier_enterprise_id",
                table: "enterprise_tiers",
                columns: new[] { "tier", "enterprise_id" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_yearly_figures_enterprise_id_year",
                table: "enterprise_yearly_figures",
                columns: new[] { "enterprise_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_credit_code",
                table: "enterprises",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_district_id",
                table: "enterprises",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_name",
                table: "enterprises",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_seed_key",
                table: "enterprises",
                column: "seed_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_mappings_name",
                table: "import_mappings",
                column: "name",
                unique: true);
            // Full-text index over pre-segmented terms (SqliteSearchDialect); not part of the EF model.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS search_enterprises USING fts5(title, body, content='', contentless_delete=1, tokenize=\"unicode61 remove_diacritics 0 tokenchars '-.+_#'\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_enterprises;");
            migrationBuilder.DropTable(
                name: "carrier_statements");

            migrationBuilder.DropTable(
                name: "enterprise_chain_links");

            migrationBuilder.DropTable(
                name: "enterprise_filings");

            migrationBuilder.DropTable(
                name: "enterprise_names");

            migrationBuilder.DropTable(
                name: "enterprise_products");

            migrationBuilder.DropTable(
                name: "enterprise_statements");

            migrationBuilder.DropTable(
                name: "enterprise_tiers");

            migrationBuilder.DropTable(
                name: "enterprise_yearly_figures");

            migrationBuilder.DropTable(
                name: "import_mappings");

            migrationBuilder.DropTable(
                name: "seed_runs");

            migrationBuilder.DropTable(
                name: "carriers");

            migrationBuilder.DropTable(
                name: "chain_nodes");

            migrationBuilder.DropTable(
                name: "enterprises");

            migrationBuilder.DropTable(
                name: "districts");
        }
    }
}
