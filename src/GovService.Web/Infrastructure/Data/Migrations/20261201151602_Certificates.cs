using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Certificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crt_licence_types",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    basic_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    type_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    number_prefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    validity_years = table.Column<int>(type: "integer", nullable: false),
                    face_fields = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crt_licence_types", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "crt_licences",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    identifier = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    type_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    issuer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issuer_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    holder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    holder_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    holder_code_type = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    holder_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    face_data = table.Column<string>(type: "jsonb", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    previous_licence_id = table.Column<Guid>(type: "uuid", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoke_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    signature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crt_licences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "crt_serials",
                schema: "gov",
                columns: table => new
                {
                    type_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crt_serials", x => new { x.type_code, x.year });
                });

            migrationBuilder.CreateIndex(
                name: "ix_crt_licence_types_basic_code",
                schema: "gov",
                table: "crt_licence_types",
                column: "basic_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_crt_licences_case_id",
                schema: "gov",
                table: "crt_licences",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_crt_licences_holder_user_id",
                schema: "gov",
                table: "crt_licences",
                column: "holder_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_crt_licences_identifier",
                schema: "gov",
                table: "crt_licences",
                column: "identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_crt_licences_state_valid_until",
                schema: "gov",
                table: "crt_licences",
                columns: new[] { "state", "valid_until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crt_licence_types",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "crt_licences",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "crt_serials",
                schema: "gov");
        }
    }
}
