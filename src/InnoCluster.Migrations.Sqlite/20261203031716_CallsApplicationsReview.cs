using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnoCluster.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CallsApplicationsReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    programme = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    batch = table.Column<int>(type: "INTEGER", nullable: true),
                    summary = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    responsible_unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    conditions = table.Column<string>(type: "TEXT", nullable: false),
                    fields = table.Column<string>(type: "TEXT", nullable: false),
                    attachments = table.Column<string>(type: "TEXT", nullable: false),
                    rubric = table.Column<string>(type: "TEXT", nullable: false),
                    opens_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closes_at = table.Column<long>(type: "INTEGER", nullable: true),
                    review_by = table.Column<long>(type: "INTEGER", nullable: true),
                    publicity_days = table.Column<int>(type: "INTEGER", nullable: false),
                    publicity_from = table.Column<long>(type: "INTEGER", nullable: true),
                    publicity_until = table.Column<long>(type: "INTEGER", nullable: true),
                    total_quota = table.Column<int>(type: "INTEGER", nullable: true),
                    needs_district_recommendation = table.Column<bool>(type: "INTEGER", nullable: false),
                    district_quotas = table.Column<string>(type: "TEXT", nullable: false),
                    experts_per_application = table.Column<int>(type: "INTEGER", nullable: false),
                    divergence_threshold = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    source_source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    seed_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "experts",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    affiliation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    chain_node_ids = table.Column<string>(type: "TEXT", nullable: false),
                    interests = table.Column<string>(type: "TEXT", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "call_applications",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    call_id = table.Column<int>(type: "INTEGER", nullable: false),
                    enterprise_id = table.Column<int>(type: "INTEGER", nullable: false),
                    enterprise_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    district_id = table.Column<int>(type: "INTEGER", nullable: true),
                    project_title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    partners = table.Column<string>(type: "TEXT", nullable: false),
                    answers = table.Column<string>(type: "TEXT", nullable: false),
                    files = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_by_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    eligibility = table.Column<string>(type: "TEXT", nullable: false),
                    return_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    correction_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    returns = table.Column<int>(type: "INTEGER", nullable: false),
                    panel_score = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    panel_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    decision_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_applications_call_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_call_applications_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_objections",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    call_id = table.Column<int>(type: "INTEGER", nullable: false),
                    application_id = table.Column<int>(type: "INTEGER", nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    filed_by_protected = table.Column<string>(type: "TEXT", nullable: false),
                    contact_protected = table.Column<string>(type: "TEXT", nullable: true),
                    filed_by_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    filed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    upheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_objections", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_objections_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_application_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    application_id = table.Column<int>(type: "INTEGER", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_application_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_application_steps_call_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "call_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_assignments",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    call_id = table.Column<int>(type: "INTEGER", nullable: false),
                    application_id = table.Column<int>(type: "INTEGER", nullable: false),
                    expert_id = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    fit = table.Column<int>(type: "INTEGER", nullable: false),
                    assigned_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recusal_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_assignments_call_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "call_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_review_assignments_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_score_sheets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    assignment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    scores = table.Column<string>(type: "TEXT", nullable: false),
                    total = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_score_sheets", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_score_sheets_review_assignments_assignment_id",
                        column: x => x.assignment_id,
                        principalTable: "review_assignments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_call_application_steps_application_id_at",
                table: "call_application_steps",
                columns: new[] { "application_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_call_applications_call_id_enterprise_id",
                table: "call_applications",
                columns: new[] { "call_id", "enterprise_id" });

            migrationBuilder.CreateIndex(
                name: "ix_call_applications_call_id_status",
                table: "call_applications",
                columns: new[] { "call_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_call_applications_enterprise_id",
                table: "call_applications",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_objections_call_id",
                table: "call_objections",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_calls_seed_key",
                table: "calls",
                column: "seed_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calls_status_closes_at",
                table: "calls",
                columns: new[] { "status", "closes_at" });

            migrationBuilder.CreateIndex(
                name: "ix_experts_user_id",
                table: "experts",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_application_id_expert_id",
                table: "review_assignments",
                columns: new[] { "application_id", "expert_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_call_id",
                table: "review_assignments",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_expert_id_status",
                table: "review_assignments",
                columns: new[] { "expert_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_review_score_sheets_assignment_id_revision",
                table: "review_score_sheets",
                columns: new[] { "assignment_id", "revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_application_steps");

            migrationBuilder.DropTable(
                name: "call_objections");

            migrationBuilder.DropTable(
                name: "review_score_sheets");

            migrationBuilder.DropTable(
                name: "review_assignments");

            migrationBuilder.DropTable(
                name: "call_applications");

            migrationBuilder.DropTable(
                name: "experts");

            migrationBuilder.DropTable(
                name: "calls");
        }
    }
}
