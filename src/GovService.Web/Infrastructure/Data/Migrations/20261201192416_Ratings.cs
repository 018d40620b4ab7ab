using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ratings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "sup_rectification_numbers",
                schema: "gov");

            migrationBuilder.CreateTable(
                name: "sup_ratings",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    basic_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    step_id = table.Column<long>(type: "bigint", nullable: false),
                    step_action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    staff_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    rater_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    appeal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sup_ratings", x => x.id);
                    table.CheckConstraint("ck_sup_ratings_level", "level BETWEEN 1 AND 5 AND channel BETWEEN 1 AND 7");
                });

            migrationBuilder.CreateTable(
                name: "sup_rectifications",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    rating_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    staff_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    complaint = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    rater_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    callback_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    rectification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    fed_back_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fed_back_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    rerating = table.Column<int>(type: "integer", nullable: true),
                    rerate_comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    rerated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    appeal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    appealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    appeal_decision = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    appeal_decided_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    appeal_decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sup_rectifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_sup_rectifications_sup_ratings_rating_id",
                        column: x => x.rating_id,
                        principalSchema: "gov",
                        principalTable: "sup_ratings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sup_ratings_hall_id_rated_on",
                schema: "gov",
                table: "sup_ratings",
                columns: new[] { "hall_id", "rated_on" });

            migrationBuilder.CreateIndex(
                name: "ix_sup_ratings_staff_id",
                schema: "gov",
                table: "sup_ratings",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ux_sup_ratings_once",
                schema: "gov",
                table: "sup_ratings",
                columns: new[] { "case_id", "step_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sup_rectifications_department_id_state",
                schema: "gov",
                table: "sup_rectifications",
                columns: new[] { "department_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_sup_rectifications_hall_id_state",
                schema: "gov",
                table: "sup_rectifications",
                columns: new[] { "hall_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_sup_rectifications_number",
                schema: "gov",
                table: "sup_rectifications",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sup_rectifications_rating_id",
                schema: "gov",
                table: "sup_rectifications",
                column: "rating_id",
                unique: true);

            // Intake publishes what 好差评 needs of a case and its steps (decision 0005: SQL views as contracts).
            migrationBuilder.Sql("""
                CREATE VIEW gov.int_v_rateable_cases AS
                SELECT c.id AS case_id, c.number, c.basic_code, c.item_name, c.hall_id, c.state,
                       c.applicant_user_id, c.agent_user_id, c.state IN (10, 12) AS finished
                FROM gov.int_cases c
                WHERE c.number IS NOT NULL;

                CREATE VIEW gov.int_v_service_steps AS
                SELECT s.id AS step_id, s.case_id, s.action, s.staff_id, s.handler_name, s.handler_office, s.at
                FROM gov.int_case_steps s
                WHERE s.staff_id IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP VIEW IF EXISTS gov.int_v_service_steps;
                DROP VIEW IF EXISTS gov.int_v_rateable_cases;
                """);

            migrationBuilder.DropTable(
                name: "sup_rectifications",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "sup_ratings",
                schema: "gov");

            migrationBuilder.DropSequence(
                name: "sup_rectification_numbers",
                schema: "gov");
        }
    }
}
