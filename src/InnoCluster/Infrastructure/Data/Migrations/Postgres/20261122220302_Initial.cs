using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Postgres
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    layer = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    synonyms = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    city = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    is_core_zone = table.Column<bool>(type: "boolean", nullable: false),
                    specialities = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_districts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_mappings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    columns = table.Column<string>(type: "text", nullable: false),
                    implied_tiers = table.Column<int[]>(type: "integer[]", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_mappings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "seed_runs",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seed_runs", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    district_source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    district_source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    district_source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    district_source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    district_source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    district_source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    city = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    established_on = table.Column<DateOnly>(type: "date", nullable: true),
                    established_year = table.Column<int>(type: "integer", nullable: true),
                    established_source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    established_source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    established_source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    established_source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    established_source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    established_source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    business = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    seed_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    seed_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    city = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    host_enterprise_id = table.Column<int>(type: "integer", nullable: true),
                    aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    chain_node_ids = table.Column<List<int>>(type: "integer[]", nullable: false)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    chain_node_id = table.Column<int>(type: "integer", nullable: false),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    year = table.Column<int>(type: "integer", nullable: true),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    match_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    topic = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    tier = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    listed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    security_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enterprise_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    revenue = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    rd_spend = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    employees = table.Column<int>(type: "integer", nullable: true),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    carrier_id = table.Column<int>(type: "integer", nullable: false),
                    topic = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    source_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    source_quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
            // Full-text index over pre-segmented terms (PostgresSearchDialect); not part of the EF model.
            migrationBuilder.Sql("CREATE TABLE IF NOT EXISTS search_enterprises (id bigint PRIMARY KEY, document tsvector NOT NULL);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_search_enterprises_document ON search_enterprises USING GIN (document);");
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
