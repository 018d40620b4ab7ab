using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseFlagsAndReformFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            // Intake's published views (decision 0005): material figures on the case facts, and the case flags.
            migrationBuilder.Sql("""
                CREATE OR REPLACE VIEW gov.int_v_case_facts AS
                SELECT c.id AS case_id, c.number, c.basic_code, c.item_name, c.hall_id, c.state, c.channel, c.visits, c.promised_visits,
                       (c.accepted_at AT TIME ZONE 'Asia/Shanghai')::date AS accepted_on,
                       (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date AS decided_on,
                       c.promised_due_date AS promised_due,
                       c.state IN (3, 5, 6, 7, 8) AS is_open,
                       EXISTS (SELECT 1 FROM gov.int_case_steps s
                               WHERE s.case_id = c.id AND s.action IN ('SupplementRequested', 'SupplementInReview')) AS supplemented,
                       (SELECT count(*) FROM gov.int_case_materials m WHERE m.case_id = c.id AND m.required)::int AS materials_required,
                       (SELECT count(*) FROM gov.int_case_licence_refs r WHERE r.case_id = c.id)::int AS materials_reused
                FROM gov.int_cases c
                WHERE c.accepted_at IS NOT NULL;

                -- 重复申请, 多跑, 二次补正 (issue 7 §6): each case with the flags it has.
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

            migrationBuilder.CreateIndex(
                name: "ix_int_cases_applicant_id_number_basic_code",
                schema: "gov",
                table: "int_cases",
                columns: new[] { "applicant_id_number", "basic_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP VIEW IF EXISTS gov.int_v_case_flags;
                DROP VIEW IF EXISTS gov.int_v_case_facts;
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
                """);

            migrationBuilder.DropIndex(
                name: "ix_int_cases_applicant_id_number_basic_code",
                schema: "gov",
                table: "int_cases");
        }
    }
}
