using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "courier_company",
                schema: "gov",
                table: "int_cases",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "delivered_at",
                schema: "gov",
                table: "int_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "delivered_by_staff_id",
                schema: "gov",
                table: "int_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "delivery_address",
                schema: "gov",
                table: "int_cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "delivery_method",
                schema: "gov",
                table: "int_cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "delivery_recipient",
                schema: "gov",
                table: "int_cases",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "delivery_recipient_id",
                schema: "gov",
                table: "int_cases",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "tracking_number",
                schema: "gov",
                table: "int_cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "courier_company",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "delivered_at",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "delivered_by_staff_id",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "delivery_address",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "delivery_method",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "delivery_recipient",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "delivery_recipient_id",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "tracking_number",
                schema: "gov",
                table: "int_cases");
        }
    }
}
