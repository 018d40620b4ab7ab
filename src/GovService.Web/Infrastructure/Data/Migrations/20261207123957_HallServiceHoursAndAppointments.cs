using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class HallServiceHoursAndAppointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "apt_appointment_numbers",
                schema: "gov");

            migrationBuilder.CreateTable(
                name: "apt_appointments",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    check_in_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    slot_starts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_bundle = table.Column<bool>(type: "boolean", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replaced_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apt_appointments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apt_blackouts",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apt_blackouts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apt_opening_periods",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    starts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ends = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apt_opening_periods", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_apt_appointments_hall_id_day_category_slot_starts",
                schema: "gov",
                table: "apt_appointments",
                columns: new[] { "hall_id", "day", "category", "slot_starts" });

            migrationBuilder.CreateIndex(
                name: "ix_apt_appointments_hall_id_day_check_in_code",
                schema: "gov",
                table: "apt_appointments",
                columns: new[] { "hall_id", "day", "check_in_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_apt_appointments_number",
                schema: "gov",
                table: "apt_appointments",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_apt_appointments_user_id_day",
                schema: "gov",
                table: "apt_appointments",
                columns: new[] { "user_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_apt_blackouts_hall_id_starts_at",
                schema: "gov",
                table: "apt_blackouts",
                columns: new[] { "hall_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_apt_opening_periods_hall_id_day_starts",
                schema: "gov",
                table: "apt_opening_periods",
                columns: new[] { "hall_id", "day", "starts" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "apt_appointments",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "apt_blackouts",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "apt_opening_periods",
                schema: "gov");

            migrationBuilder.DropSequence(
                name: "apt_appointment_numbers",
                schema: "gov");
        }
    }
}
