using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LicenceSubjectAndBusinessKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_crt_serials",
                schema: "gov",
                table: "crt_serials");

            // The yearly serials keep counting: the year becomes the series (食品经营许可证 numbers count per county instead).
            migrationBuilder.Sql("ALTER TABLE gov.crt_serials RENAME COLUMN year TO series");
            migrationBuilder.Sql("ALTER TABLE gov.crt_serials ALTER COLUMN series TYPE character varying(12) USING series::text");

            migrationBuilder.AddColumn<Guid>(
                name: "replaces_licence_id",
                schema: "gov",
                table: "int_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "replaces_licence_number",
                schema: "gov",
                table: "int_cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "holder_code_field",
                schema: "gov",
                table: "crt_licence_types",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "holder_name_field",
                schema: "gov",
                table: "crt_licence_types",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "number_format",
                schema: "gov",
                table: "crt_licence_types",
                type: "integer",
                nullable: false,
                defaultValue: 1); // PrefixYearSerial: every existing type kept its numbers

            migrationBuilder.AddColumn<int>(
                name: "business_kind",
                schema: "gov",
                table: "cat_item_versions",
                type: "integer",
                nullable: false,
                defaultValue: 1); // New (新办): no existing item replaced a chosen licence

            migrationBuilder.AddPrimaryKey(
                name: "pk_crt_serials",
                schema: "gov",
                table: "crt_serials",
                columns: new[] { "type_code", "series" });

            migrationBuilder.CreateIndex(
                name: "ix_crt_licences_type_code_number",
                schema: "gov",
                table: "crt_licences",
                columns: new[] { "type_code", "number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_crt_serials",
                schema: "gov",
                table: "crt_serials");

            migrationBuilder.DropIndex(
                name: "ix_crt_licences_type_code_number",
                schema: "gov",
                table: "crt_licences");

            migrationBuilder.DropColumn(
                name: "replaces_licence_id",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "replaces_licence_number",
                schema: "gov",
                table: "int_cases");


            migrationBuilder.DropColumn(
                name: "holder_code_field",
                schema: "gov",
                table: "crt_licence_types");

            migrationBuilder.DropColumn(
                name: "holder_name_field",
                schema: "gov",
                table: "crt_licence_types");

            migrationBuilder.DropColumn(
                name: "number_format",
                schema: "gov",
                table: "crt_licence_types");

            migrationBuilder.DropColumn(
                name: "business_kind",
                schema: "gov",
                table: "cat_item_versions");

            migrationBuilder.Sql("DELETE FROM gov.crt_serials WHERE series !~ '^[0-9]{4}$'");
            migrationBuilder.Sql("ALTER TABLE gov.crt_serials ALTER COLUMN series TYPE integer USING series::integer");
            migrationBuilder.Sql("ALTER TABLE gov.crt_serials RENAME COLUMN series TO year");

            migrationBuilder.AddPrimaryKey(
                name: "pk_crt_serials",
                schema: "gov",
                table: "crt_serials",
                columns: new[] { "type_code", "year" });
        }
    }
}
