using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class HallKioskAndAppointmentCheckIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "account_id",
                schema: "gov",
                table: "hal_tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hal_kiosk_codes",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    tries = table.Column<int>(type: "integer", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hal_kiosk_codes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hal_tickets_appointment_id",
                schema: "gov",
                table: "hal_tickets",
                column: "appointment_id",
                unique: true,
                filter: "appointment_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_hal_kiosk_codes_user_id_sent_at",
                schema: "gov",
                table: "hal_kiosk_codes",
                columns: new[] { "user_id", "sent_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hal_kiosk_codes",
                schema: "gov");

            migrationBuilder.DropIndex(
                name: "ix_hal_tickets_appointment_id",
                schema: "gov",
                table: "hal_tickets");

            migrationBuilder.DropColumn(
                name: "account_id",
                schema: "gov",
                table: "hal_tickets");
        }
    }
}
