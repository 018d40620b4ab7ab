using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicantLanguageAndDecisionNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "int_denial_decision_numbers",
                schema: "gov");

            migrationBuilder.CreateSequence(
                name: "int_grant_decision_numbers",
                schema: "gov");

            migrationBuilder.AddColumn<string>(
                name: "decision_issuer",
                schema: "gov",
                table: "int_cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "decision_number",
                schema: "gov",
                table: "int_cases",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preferred_culture",
                schema: "gov",
                table: "acc_users",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "zh-CN");

            migrationBuilder.CreateIndex(
                name: "ix_int_cases_decision_number",
                schema: "gov",
                table: "int_cases",
                column: "decision_number",
                unique: true,
                filter: "decision_number IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_int_cases_decision_number",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "decision_issuer",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "decision_number",
                schema: "gov",
                table: "int_cases");

            migrationBuilder.DropColumn(
                name: "preferred_culture",
                schema: "gov",
                table: "acc_users");

            migrationBuilder.DropSequence(
                name: "int_denial_decision_numbers",
                schema: "gov");

            migrationBuilder.DropSequence(
                name: "int_grant_decision_numbers",
                schema: "gov");
        }
    }
}
