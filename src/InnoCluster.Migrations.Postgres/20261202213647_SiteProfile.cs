using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SiteProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "site_profile",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    organizer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    organizer_english = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    @operator = table.Column<string>(name: "operator", type: "character varying(100)", maxLength: 100, nullable: true),
                    operator_english = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    office_hours = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    icp_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    police_filing_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    site_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    contact_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_site_profile", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "site_profile");
        }
    }
}
