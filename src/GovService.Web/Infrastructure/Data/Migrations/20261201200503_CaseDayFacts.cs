using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseDayFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The flags view also gives the acceptance day (the dashboard's period is on acceptance).
            migrationBuilder.Sql("""
                CREATE OR REPLACE VIEW gov.int_v_case_flags AS
                SELECT c.id AS case_id, c.number, c.basic_code, c.item_name, c.hall_id, c.state,
                       (coalesce(c.submitted_at, c.accepted_at, c.created_at) AT TIME ZONE 'Asia/Shanghai')::date AS applied_on,
                       EXISTS (SELECT 1 FROM gov.int_cases p
                               WHERE p.applicant_id_number = c.applicant_id_number AND p.basic_code = c.basic_code AND p.id <> c.id
                                 AND p.number IS NOT NULL
                                 AND (coalesce(p.submitted_at, p.accepted_at, p.created_at), p.id) < (coalesce(c.submitted_at, c.accepted_at, c.created_at), c.id)
                                 AND coalesce(p.submitted_at, p.accepted_at, p.created_at) >= coalesce(c.submitted_at, c.accepted_at, c.created_at) - interval '30 days') AS repeated,
                       c.visits > greatest(c.promised_visits, 0) AS extra_visits,
                       (SELECT count(*) FROM gov.int_case_steps s
                        WHERE s.case_id = c.id AND s.action IN ('SupplementRequested', 'SupplementInReview')) >= 2 AS second_supplement,
                       (c.accepted_at AT TIME ZONE 'Asia/Shanghai')::date AS accepted_on
                FROM gov.int_cases c
                WHERE c.number IS NOT NULL AND c.state <> 1;
                """);

            migrationBuilder.CreateTable(
                name: "sup_case_days",
                schema: "gov",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    basic_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cases = table.Column<int>(type: "integer", nullable: false),
                    open = table.Column<int>(type: "integer", nullable: false),
                    decided = table.Column<int>(type: "integer", nullable: false),
                    on_time = table.Column<int>(type: "integer", nullable: false),
                    working_days_sum = table.Column<long>(type: "bigint", nullable: false),
                    decided_counted = table.Column<int>(type: "integer", nullable: false),
                    supplemented = table.Column<int>(type: "integer", nullable: false),
                    visits_sum = table.Column<long>(type: "bigint", nullable: false),
                    without_visit = table.Column<int>(type: "integer", nullable: false),
                    materials_required = table.Column<int>(type: "integer", nullable: false),
                    materials_reused = table.Column<int>(type: "integer", nullable: false),
                    repeated = table.Column<int>(type: "integer", nullable: false),
                    extra_visits = table.Column<int>(type: "integer", nullable: false),
                    second_supplement = table.Column<int>(type: "integer", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sup_case_days", x => new { x.day, x.hall_id, x.basic_code });
                });

            migrationBuilder.CreateIndex(
                name: "ix_sup_case_days_open",
                schema: "gov",
                table: "sup_case_days",
                column: "day",
                filter: "open > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP VIEW IF EXISTS gov.int_v_case_flags;
                CREATE VIEW gov.int_v_case_flags AS
                SELECT c.id AS case_id, c.number, c.basic_code, c.item_name, c.hall_id, c.state,
                       (coalesce(c.submitted_at, c.accepted_at, c.created_at) AT TIME ZONE 'Asia/Shanghai')::date AS applied_on,
                       EXISTS (SELECT 1 FROM gov.int_cases p
                               WHERE p.applicant_id_number = c.applicant_id_number AND p.basic_code = c.basic_code AND p.id <> c.id
                                 AND p.number IS NOT NULL
                                 AND (coalesce(p.submitted_at, p.accepted_at, p.created_at), p.id) < (coalesce(c.submitted_at, c.accepted_at, c.created_at), c.id)
                                 AND coalesce(p.submitted_at, p.accepted_at, p.created_at) >= coalesce(c.submitted_at, c.accepted_at, c.created_at) - interval '30 days') AS repeated,
                       c.visits > greatest(c.promised_visits, 0) AS extra_visits,
                       (SELECT count(*) FROM gov.int_case_steps s
                        WHERE s.case_id = c.id AND s.action IN ('SupplementRequested', 'SupplementInReview')) >= 2 AS second_supplement
                FROM gov.int_cases c
                WHERE c.number IS NOT NULL AND c.state <> 1;
                """);

            migrationBuilder.DropTable(
                name: "sup_case_days",
                schema: "gov");
        }
    }
}
