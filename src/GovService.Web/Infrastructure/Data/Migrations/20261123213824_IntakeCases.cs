using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class IntakeCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "int_case_counters",
                schema: "gov",
                columns: table => new
                {
                    region = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_int_case_counters", x => new { x.region, x.day });
                });

            migrationBuilder.CreateTable(
                name: "int_cases",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    query_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    basic_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    case_kind = table.Column<int>(type: "integer", nullable: false),
                    applicant_kind = table.Column<int>(type: "integer", nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    applicant_id_type = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    applicant_id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    applicant_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agent_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    contact_mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    clerk_staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    promised_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    statutory_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    due_date_provisional = table.Column<bool>(type: "boolean", nullable: false),
                    visits = table.Column<int>(type: "integer", nullable: false),
                    deficiency_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    decided_by_staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_opinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    refusal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    refusal_basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    form_data = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_int_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "int_case_materials",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    deficiency_allowed = table.Column<bool>(type: "boolean", nullable: false),
                    received = table.Column<bool>(type: "boolean", nullable: false),
                    originals = table.Column<int>(type: "integer", nullable: false),
                    copies = table.Column<int>(type: "integer", nullable: false),
                    defect = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_int_case_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_int_case_materials_int_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "gov",
                        principalTable: "int_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_int_case_materials_case_id_position",
                schema: "gov",
                table: "int_case_materials",
                columns: new[] { "case_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_int_cases_applicant_user_id",
                schema: "gov",
                table: "int_cases",
                column: "applicant_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_int_cases_hall_id_state",
                schema: "gov",
                table: "int_cases",
                columns: new[] { "hall_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_int_cases_number",
                schema: "gov",
                table: "int_cases",
                column: "number",
                unique: true,
                filter: "number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_int_cases_state_deficiency_due_date",
                schema: "gov",
                table: "int_cases",
                columns: new[] { "state", "deficiency_due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_int_cases_state_promised_due_date",
                schema: "gov",
                table: "int_cases",
                columns: new[] { "state", "promised_due_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "int_case_counters",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "int_case_materials",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "int_cases",
                schema: "gov");
        }
    }
}
