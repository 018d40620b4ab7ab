using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProvisionalPerDueDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "due_date_provisional",
                schema: "gov",
                table: "int_cases",
                newName: "statutory_due_provisional");

            migrationBuilder.RenameColumn(
                name: "provisional",
                schema: "gov",
                table: "apr_case_clocks",
                newName: "statutory_provisional");

            migrationBuilder.AddColumn<bool>(
                name: "promised_due_provisional",
                schema: "gov",
                table: "int_cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "deferred",
                schema: "gov",
                table: "int_case_materials",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "promised_provisional",
                schema: "gov",
                table: "apr_case_clocks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The one flag meant "one of the two dates"; it is kept as the statutory one and each date now says for
            // itself: a date counted from a year to a year whose holiday notices are all loaded is firm (the years
            // WorkingCalendar notes while counting).
            migrationBuilder.Sql("""
                UPDATE gov.int_cases c
                   SET promised_due_provisional = c.promised_due_date IS NOT NULL AND EXISTS (
                           SELECT 1 FROM generate_series(extract(year FROM c.accepted_at AT TIME ZONE 'Asia/Shanghai')::int, extract(year FROM c.promised_due_date)::int) AS y(year)
                           WHERE NOT EXISTS (SELECT 1 FROM gov.cal_years l WHERE l.year = y.year)),
                       statutory_due_provisional = c.statutory_due_date IS NOT NULL AND EXISTS (
                           SELECT 1 FROM generate_series(extract(year FROM c.accepted_at AT TIME ZONE 'Asia/Shanghai')::int, extract(year FROM c.statutory_due_date)::int) AS y(year)
                           WHERE NOT EXISTS (SELECT 1 FROM gov.cal_years l WHERE l.year = y.year))
                 WHERE c.statutory_due_provisional AND c.accepted_at IS NOT NULL;

                UPDATE gov.apr_case_clocks k
                   SET promised_provisional = EXISTS (
                           SELECT 1 FROM generate_series(extract(year FROM k.start)::int, extract(year FROM k.promised_due)::int) AS y(year)
                           WHERE NOT EXISTS (SELECT 1 FROM gov.cal_years l WHERE l.year = y.year)),
                       statutory_provisional = EXISTS (
                           SELECT 1 FROM generate_series(extract(year FROM k.start)::int, extract(year FROM k.statutory_due)::int) AS y(year)
                           WHERE NOT EXISTS (SELECT 1 FROM gov.cal_years l WHERE l.year = y.year))
                 WHERE k.statutory_provisional;

                -- 容缺 materials of cases accepted before the flag: missing then, owed still or supplied since.
                UPDATE gov.int_case_materials m
                   SET deferred = TRUE
                  FROM gov.int_cases c
                 WHERE m.case_id = c.id AND c.deficiency_due_date IS NOT NULL AND m.required AND m.deficiency_allowed
                   AND (NOT m.received OR (m.supplied_at IS NOT NULL AND m.defect = ''));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE gov.int_cases SET statutory_due_provisional = TRUE WHERE promised_due_provisional");
            migrationBuilder.Sql("UPDATE gov.apr_case_clocks SET statutory_provisional = TRUE WHERE promised_provisional");

            migrationBuilder.DropColumn(
                name: "promised_due_provisional",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "deferred",
                schema: "gov",
                table: "int_case_materials");

            migrationBuilder.DropColumn(
                name: "promised_provisional",
                schema: "gov",
                table: "apr_case_clocks");

            migrationBuilder.RenameColumn(
                name: "statutory_due_provisional",
                schema: "gov",
                table: "int_cases",
                newName: "due_date_provisional");

            migrationBuilder.RenameColumn(
                name: "statutory_provisional",
                schema: "gov",
                table: "apr_case_clocks",
                newName: "provisional");
        }
    }
}
