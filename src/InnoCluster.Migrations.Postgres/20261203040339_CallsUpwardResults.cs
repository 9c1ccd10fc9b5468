using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CallsUpwardResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "awarded_amount",
                table: "call_applications",
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "upward_approved",
                table: "call_applications",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "upward_decided_on",
                table: "call_applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upward_note",
                table: "call_applications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "awarded_amount",
                table: "call_applications");

            migrationBuilder.DropColumn(
                name: "upward_approved",
                table: "call_applications");

            migrationBuilder.DropColumn(
                name: "upward_decided_on",
                table: "call_applications");

            migrationBuilder.DropColumn(
                name: "upward_note",
                table: "call_applications");
        }
    }
}
