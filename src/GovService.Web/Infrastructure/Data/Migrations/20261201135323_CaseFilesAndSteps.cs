using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseFilesAndSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "supplied_at",
                schema: "gov",
                table: "int_case_materials",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "int_case_files",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    material_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    replaced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_int_case_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_int_case_files_int_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "gov",
                        principalTable: "int_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "int_case_steps",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    handler_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    handler_office = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    handler_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_int_case_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_int_case_steps_int_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "gov",
                        principalTable: "int_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_int_case_files_case_id_position",
                schema: "gov",
                table: "int_case_files",
                columns: new[] { "case_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_int_case_steps_case_id_action",
                schema: "gov",
                table: "int_case_steps",
                columns: new[] { "case_id", "action" },
                unique: true,
                filter: "action = 'DeficiencyReminder'");

            migrationBuilder.CreateIndex(
                name: "ix_int_case_steps_case_id_at",
                schema: "gov",
                table: "int_case_steps",
                columns: new[] { "case_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "int_case_files",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "int_case_steps",
                schema: "gov");

            migrationBuilder.DropColumn(
                name: "supplied_at",
                schema: "gov",
                table: "int_case_materials");
        }
    }
}
