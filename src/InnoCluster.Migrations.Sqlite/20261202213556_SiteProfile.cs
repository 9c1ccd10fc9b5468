using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
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
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    organizer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    organizer_english = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    @operator = table.Column<string>(name: "operator", type: "TEXT", maxLength: 100, nullable: true),
                    operator_english = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    office_hours = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    icp_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    police_filing_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    site_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    contact_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: true)
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
