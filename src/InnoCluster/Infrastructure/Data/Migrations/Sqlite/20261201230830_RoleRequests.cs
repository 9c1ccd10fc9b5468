using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoleRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "role_requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    requested_by_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    requested_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    decided_by_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    decided_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_requests_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_role_requests_status_requested_at",
                table: "role_requests",
                columns: new[] { "status", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_role_requests_user_id",
                table: "role_requests",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "role_requests");
        }
    }
}
