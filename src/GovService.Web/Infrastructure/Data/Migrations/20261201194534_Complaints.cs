using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "sup_complaint_numbers",
                schema: "gov");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "escalated_at",
                schema: "gov",
                table: "sup_rectifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sup_complaints",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    complainant_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complainant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    hall_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    respondent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    answered_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sup_complaints", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sup_rectifications_watch",
                schema: "gov",
                table: "sup_rectifications",
                column: "due_on",
                filter: "state = 1 AND escalated_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sup_complaints_complainant_user_id",
                schema: "gov",
                table: "sup_complaints",
                column: "complainant_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_sup_complaints_department_id_state",
                schema: "gov",
                table: "sup_complaints",
                columns: new[] { "department_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_sup_complaints_hall_id_state",
                schema: "gov",
                table: "sup_complaints",
                columns: new[] { "hall_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_sup_complaints_number",
                schema: "gov",
                table: "sup_complaints",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sup_complaints_watch",
                schema: "gov",
                table: "sup_complaints",
                column: "due_on",
                filter: "state = 1 AND escalated_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sup_complaints",
                schema: "gov");

            migrationBuilder.DropIndex(
                name: "ix_sup_rectifications_watch",
                schema: "gov",
                table: "sup_rectifications");

            migrationBuilder.DropColumn(
                name: "escalated_at",
                schema: "gov",
                table: "sup_rectifications");

            migrationBuilder.DropSequence(
                name: "sup_complaint_numbers",
                schema: "gov");
        }
    }
}
