using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CallsPersonalDataKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "answered_by_id",
                table: "call_objections",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "actor_id",
                table: "call_application_steps",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_call_objections_filed_by_id",
                table: "call_objections",
                column: "filed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_application_steps_actor_id",
                table: "call_application_steps",
                column: "actor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_call_objections_filed_by_id",
                table: "call_objections");

            migrationBuilder.DropIndex(
                name: "ix_call_application_steps_actor_id",
                table: "call_application_steps");

            migrationBuilder.DropColumn(
                name: "answered_by_id",
                table: "call_objections");

            migrationBuilder.DropColumn(
                name: "actor_id",
                table: "call_application_steps");
        }
    }
}
