using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "sup_order_numbers",
                schema: "gov");

            migrationBuilder.AddColumn<bool>(
                name: "is_head",
                schema: "gov",
                table: "org_staff",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ntf_inbox",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ntf_inbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ntf_outbox",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ntf_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sup_card_rules",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    basic_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    step_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    yellow_percent = table.Column<int>(type: "integer", nullable: true),
                    yellow_days_left = table.Column<int>(type: "integer", nullable: true),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sup_card_rules", x => x.id);
                    table.CheckConstraint("ck_sup_card_rules_values", "(yellow_percent IS NULL OR yellow_percent BETWEEN 1 AND 100) AND (yellow_days_left IS NULL OR yellow_days_left BETWEEN 0 AND 60) AND (yellow_percent IS NOT NULL OR yellow_days_left IS NOT NULL)");
                });

            migrationBuilder.CreateTable(
                name: "sup_cards",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline = table.Column<int>(type: "integer", nullable: false),
                    colour = table.Column<int>(type: "integer", nullable: false),
                    case_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    basic_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    step_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sup_cards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sup_orders",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rule_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    warning_type = table.Column<int>(type: "integer", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    response_due = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    answered_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    opened_by_staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    opened_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    closing_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sup_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sup_working_days",
                schema: "gov",
                columns: table => new
                {
                    d = table.Column<DateOnly>(type: "date", nullable: false),
                    n = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sup_working_days", x => x.d);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ntf_inbox_user_id_id",
                schema: "gov",
                table: "ntf_inbox",
                columns: new[] { "user_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_ntf_inbox_user_id_key",
                schema: "gov",
                table: "ntf_inbox",
                columns: new[] { "user_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ntf_outbox_channel_recipient_key",
                schema: "gov",
                table: "ntf_outbox",
                columns: new[] { "channel", "recipient", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ntf_outbox_pending",
                schema: "gov",
                table: "ntf_outbox",
                column: "next_attempt_at",
                filter: "state = 1");

            migrationBuilder.CreateIndex(
                name: "ix_sup_card_rules_basic_code_step_name",
                schema: "gov",
                table: "sup_card_rules",
                columns: new[] { "basic_code", "step_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sup_cards_issued_at",
                schema: "gov",
                table: "sup_cards",
                column: "issued_at");

            migrationBuilder.CreateIndex(
                name: "ix_sup_cards_open",
                schema: "gov",
                table: "sup_cards",
                column: "task_id",
                filter: "closed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_sup_cards_once",
                schema: "gov",
                table: "sup_cards",
                columns: new[] { "case_id", "task_id", "deadline", "colour" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sup_orders_card_id",
                schema: "gov",
                table: "sup_orders",
                column: "card_id",
                unique: true,
                filter: "card_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sup_orders_case_id",
                schema: "gov",
                table: "sup_orders",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_sup_orders_department_id_state",
                schema: "gov",
                table: "sup_orders",
                columns: new[] { "department_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_sup_orders_number",
                schema: "gov",
                table: "sup_orders",
                column: "number",
                unique: true);

            // SQL contracts (docs/decisions/0006-sql-views-as-contracts.md): views owned by Intake (int_v_*) and
            // Approval (apr_v_*) that the Supervision module's set-based sweep and dashboard read instead of the tables.
            migrationBuilder.Sql("""
                CREATE VIEW gov.int_v_open_clocks AS
                SELECT c.id AS case_id, c.number, c.basic_code, c.item_name, c.hall_id, c.state,
                       (c.accepted_at AT TIME ZONE 'Asia/Shanghai')::date AS accepted_on,
                       c.promised_due_date AS promised_due, c.statutory_due_date AS statutory_due
                FROM gov.int_cases c
                WHERE c.accepted_at IS NOT NULL AND c.state IN (3, 5, 6, 7, 8);

                CREATE VIEW gov.int_v_case_facts AS
                SELECT c.id AS case_id, c.number, c.basic_code, c.item_name, c.hall_id, c.state, c.channel, c.visits, c.promised_visits,
                       (c.accepted_at AT TIME ZONE 'Asia/Shanghai')::date AS accepted_on,
                       (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date AS decided_on,
                       c.promised_due_date AS promised_due,
                       c.state IN (3, 5, 6, 7, 8) AS is_open,
                       EXISTS (SELECT 1 FROM gov.int_case_steps s
                               WHERE s.case_id = c.id AND s.action IN ('SupplementRequested', 'SupplementInReview')) AS supplemented
                FROM gov.int_cases c
                WHERE c.accepted_at IS NOT NULL;

                CREATE VIEW gov.apr_v_open_steps AS
                SELECT t.id AS task_id, t.case_id, t.case_number, t.item_name, t.basic_code, t.hall_id, t.department_id,
                       t.name AS step_name, t.opened_on, t.due_on, t.limit_working_days
                FROM gov.apr_tasks t
                WHERE t.state = 2;

                CREATE VIEW gov.apr_v_paused_cases AS
                SELECT DISTINCT s.case_id
                FROM gov.apr_clock_segments s
                WHERE s."to" IS NULL AND s.state = 1 AND s.kind IN (2, 3);

                CREATE VIEW gov.apr_v_case_limits AS
                SELECT c.case_id,
                       c.promised_limit + coalesce(e.extra, 0) AS promised_total,
                       c.statutory_limit + coalesce(e.extra, 0) AS statutory_total
                FROM gov.apr_case_clocks c
                LEFT JOIN (SELECT case_id, sum(extra_working_days)::int AS extra
                           FROM gov.apr_clock_segments WHERE kind = 4 AND state = 1 GROUP BY case_id) e ON e.case_id = c.case_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP VIEW IF EXISTS gov.apr_v_case_limits;
                DROP VIEW IF EXISTS gov.apr_v_paused_cases;
                DROP VIEW IF EXISTS gov.apr_v_open_steps;
                DROP VIEW IF EXISTS gov.int_v_case_facts;
                DROP VIEW IF EXISTS gov.int_v_open_clocks;
                """);

            migrationBuilder.DropTable(
                name: "ntf_inbox",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "ntf_outbox",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "sup_card_rules",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "sup_cards",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "sup_orders",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "sup_working_days",
                schema: "gov");

            migrationBuilder.DropColumn(
                name: "is_head",
                schema: "gov",
                table: "org_staff");

            migrationBuilder.DropSequence(
                name: "sup_order_numbers",
                schema: "gov");
        }
    }
}
