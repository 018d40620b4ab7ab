using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssistanceNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "asv_mandate_numbers",
                schema: "gov");

            migrationBuilder.CreateSequence(
                name: "asv_request_numbers",
                schema: "gov");

            migrationBuilder.AddColumn<string>(
                name: "mandate_number",
                schema: "gov",
                table: "int_cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "asv_mandates",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    citizen_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    citizen_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    citizen_id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    citizen_mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agent_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    agent_region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<int>(type: "integer", nullable: false),
                    scope_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scope_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    may_receive_result = table.Column<bool>(type: "boolean", nullable: false),
                    granted_by = table.Column<int>(type: "integer", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_scan = table.Column<byte[]>(type: "bytea", nullable: true),
                    signed_scan_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    signed_scan_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asv_mandates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asv_requests",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    citizen_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    applicant_id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    village_id = table.Column<Guid>(type: "uuid", nullable: true),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    visits_needed = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    pool_region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    accept_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    agent_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agent_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    accepted_at_level = table.Column<int>(type: "integer", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    file_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    on_time = table.Column<bool>(type: "boolean", nullable: true),
                    visits_saved = table.Column<int>(type: "integer", nullable: false),
                    follow_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    follow_up_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    follow_up = table.Column<int>(type: "integer", nullable: true),
                    follow_up_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asv_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asv_mandate_acts",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mandate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asv_mandate_acts", x => x.id);
                    table.ForeignKey(
                        name: "fk_asv_mandate_acts_asv_mandates_mandate_id",
                        column: x => x.mandate_id,
                        principalSchema: "gov",
                        principalTable: "asv_mandates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asv_request_cards",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    colour = table.Column<int>(type: "integer", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asv_request_cards", x => x.id);
                    table.ForeignKey(
                        name: "fk_asv_request_cards_asv_requests_request_id",
                        column: x => x.request_id,
                        principalSchema: "gov",
                        principalTable: "asv_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asv_request_contacts",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    way = table.Column<int>(type: "integer", nullable: false),
                    by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asv_request_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_asv_request_contacts_asv_requests_request_id",
                        column: x => x.request_id,
                        principalSchema: "gov",
                        principalTable: "asv_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asv_mandate_acts_case_id",
                schema: "gov",
                table: "asv_mandate_acts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_asv_mandate_acts_mandate_id_at",
                schema: "gov",
                table: "asv_mandate_acts",
                columns: new[] { "mandate_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_asv_mandates_agent_user_id_citizen_id_number",
                schema: "gov",
                table: "asv_mandates",
                columns: new[] { "agent_user_id", "citizen_id_number" });

            migrationBuilder.CreateIndex(
                name: "ix_asv_mandates_citizen_id_number",
                schema: "gov",
                table: "asv_mandates",
                column: "citizen_id_number");

            migrationBuilder.CreateIndex(
                name: "ix_asv_mandates_number",
                schema: "gov",
                table: "asv_mandates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asv_request_cards_request_id_step_colour",
                schema: "gov",
                table: "asv_request_cards",
                columns: new[] { "request_id", "step", "colour" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asv_request_contacts_request_id_at",
                schema: "gov",
                table: "asv_request_contacts",
                columns: new[] { "request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_asv_requests_agent_user_id_state",
                schema: "gov",
                table: "asv_requests",
                columns: new[] { "agent_user_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_asv_requests_case_id",
                schema: "gov",
                table: "asv_requests",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_asv_requests_citizen_user_id",
                schema: "gov",
                table: "asv_requests",
                column: "citizen_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asv_requests_number",
                schema: "gov",
                table: "asv_requests",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asv_requests_pool_region_id_state_accept_due_at",
                schema: "gov",
                table: "asv_requests",
                columns: new[] { "pool_region_id", "state", "accept_due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asv_mandate_acts",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "asv_request_cards",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "asv_request_contacts",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "asv_mandates",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "asv_requests",
                schema: "gov");

            migrationBuilder.DropColumn(
                name: "mandate_number",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropSequence(
                name: "asv_mandate_numbers",
                schema: "gov");

            migrationBuilder.DropSequence(
                name: "asv_request_numbers",
                schema: "gov");
        }
    }
}
