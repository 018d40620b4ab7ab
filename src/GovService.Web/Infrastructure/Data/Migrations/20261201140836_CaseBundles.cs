using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseBundles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bundle_code",
                schema: "gov",
                table: "int_cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "bundle_key",
                schema: "gov",
                table: "int_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bundle_name",
                schema: "gov",
                table: "int_cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_int_cases_bundle_key",
                schema: "gov",
                table: "int_cases",
                column: "bundle_key",
                filter: "bundle_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_int_cases_bundle_key",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "bundle_code",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "bundle_key",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "bundle_name",
                schema: "gov",
                table: "int_cases");
        }
    }
}
