using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Approval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "review_started_at",
                schema: "gov",
                table: "int_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "apr_case_clocks",
                schema: "gov",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    promised_limit = table.Column<int>(type: "integer", nullable: false),
                    promised_in_working_days = table.Column<bool>(type: "boolean", nullable: false),
                    statutory_limit = table.Column<int>(type: "integer", nullable: false),
                    statutory_in_working_days = table.Column<bool>(type: "boolean", nullable: false),
                    promised_due = table.Column<DateOnly>(type: "date", nullable: false),
                    statutory_due = table.Column<DateOnly>(type: "date", nullable: false),
                    provisional = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apr_case_clocks", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "apr_clock_recomputations",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    promised_due = table.Column<DateOnly>(type: "date", nullable: false),
                    statutory_due = table.Column<DateOnly>(type: "date", nullable: false),
                    paused_working_days = table.Column<int>(type: "integer", nullable: false),
                    extension_working_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apr_clock_recomputations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apr_clock_segments",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    extra_working_days = table.Column<int>(type: "integer", nullable: false),
                    procedure_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    expected_working_days = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    result = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    requested_by_staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    approved_by_staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apr_clock_segments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apr_route_templates",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    basic_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apr_route_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apr_task_actions",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    step_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    handler_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apr_task_actions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apr_tasks",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    basic_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    mode = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: false),
                    limit_working_days = table.Column<int>(type: "integer", nullable: false),
                    decides = table.Column<bool>(type: "boolean", nullable: false),
                    chief_may_decide = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    claimed_by_staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claimed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apr_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apr_route_steps",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    mode = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: false),
                    limit_working_days = table.Column<int>(type: "integer", nullable: false),
                    decides = table.Column<bool>(type: "boolean", nullable: false),
                    chief_may_decide = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apr_route_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_apr_route_steps_apr_route_templates_template_id",
                        column: x => x.template_id,
                        principalSchema: "gov",
                        principalTable: "apr_route_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_apr_clock_recomputations_case_id",
                schema: "gov",
                table: "apr_clock_recomputations",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_apr_clock_segments_case_id",
                schema: "gov",
                table: "apr_clock_segments",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_apr_route_steps_template_id",
                schema: "gov",
                table: "apr_route_steps",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "ix_apr_route_templates_basic_code",
                schema: "gov",
                table: "apr_route_templates",
                column: "basic_code",
                unique: true,
                filter: "is_current");

            migrationBuilder.CreateIndex(
                name: "ix_apr_route_templates_basic_code_version",
                schema: "gov",
                table: "apr_route_templates",
                columns: new[] { "basic_code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_apr_task_actions_case_id_id",
                schema: "gov",
                table: "apr_task_actions",
                columns: new[] { "case_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_apr_tasks_case_id_stage",
                schema: "gov",
                table: "apr_tasks",
                columns: new[] { "case_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_apr_tasks_queue",
                schema: "gov",
                table: "apr_tasks",
                columns: new[] { "department_id", "due_on", "id" },
                filter: "state = 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "apr_case_clocks",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "apr_clock_recomputations",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "apr_clock_segments",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "apr_route_steps",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "apr_task_actions",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "apr_tasks",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "apr_route_templates",
                schema: "gov");

            migrationBuilder.DropColumn(
                name: "review_started_at",
                schema: "gov",
                table: "int_cases");
        }
    }
}
