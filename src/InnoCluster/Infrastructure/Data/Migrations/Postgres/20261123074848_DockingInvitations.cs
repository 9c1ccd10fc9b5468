using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InnoCluster.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DockingInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "docking_invitations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    demand_id = table.Column<int>(type: "integer", nullable: true),
                    enterprise_id = table.Column<int>(type: "integer", nullable: true),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    invited_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_docking_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_docking_invitations_demands_demand_id",
                        column: x => x.demand_id,
                        principalTable: "demands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_docking_invitations_docking_events_event_id",
                        column: x => x.event_id,
                        principalTable: "docking_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_docking_invitations_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_docking_invitations_demand_id",
                table: "docking_invitations",
                column: "demand_id");

            migrationBuilder.CreateIndex(
                name: "ix_docking_invitations_enterprise_id",
                table: "docking_invitations",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_docking_invitations_event_id_demand_id_enterprise_id",
                table: "docking_invitations",
                columns: new[] { "event_id", "demand_id", "enterprise_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "docking_invitations");
        }
    }
}
