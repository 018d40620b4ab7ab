using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "cat_bundles",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    audience = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    item_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_bundles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cat_files",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cat_items",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    basic_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    implementation_code = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cat_item_versions",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    business_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    item_type = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    implementing_body_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    implementing_body_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    implementing_body_nature = table.Column<int>(type: "integer", nullable: false),
                    legal_basis = table.Column<string>(type: "text", nullable: false),
                    conditions = table.Column<string>(type: "text", nullable: false),
                    process = table.Column<string>(type: "text", nullable: false),
                    statutory_limit = table.Column<int>(type: "integer", nullable: false),
                    statutory_unit = table.Column<int>(type: "integer", nullable: false),
                    statutory_note = table.Column<string>(type: "text", nullable: false),
                    promised_limit = table.Column<int>(type: "integer", nullable: false),
                    promised_unit = table.Column<int>(type: "integer", nullable: false),
                    promised_note = table.Column<string>(type: "text", nullable: false),
                    case_kind = table.Column<int>(type: "integer", nullable: false),
                    service_objects = table.Column<int[]>(type: "integer[]", nullable: false),
                    themes = table.Column<string[]>(type: "text[]", nullable: false),
                    keywords = table.Column<string[]>(type: "text[]", nullable: false),
                    channels = table.Column<int[]>(type: "integer[]", nullable: false),
                    place = table.Column<string>(type: "text", nullable: false),
                    hours = table.Column<string>(type: "text", nullable: false),
                    consult_phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    supervision_phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    common_mistakes = table.Column<string>(type: "text", nullable: false),
                    visits_needed = table.Column<int>(type: "integer", nullable: false),
                    online_depth = table.Column<int>(type: "integer", nullable: false),
                    in_hall = table.Column<bool>(type: "boolean", nullable: false),
                    window_category = table.Column<int>(type: "integer", nullable: false),
                    supports_appointment = table.Column<bool>(type: "boolean", nullable: false),
                    supports_online_payment = table.Column<bool>(type: "boolean", nullable: false),
                    supports_courier = table.Column<bool>(type: "boolean", nullable: false),
                    scope = table.Column<int>(type: "integer", nullable: false),
                    quantity_limit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    result_type = table.Column<int>(type: "integer", nullable: false),
                    result_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    frequency = table.Column<int>(type: "integer", nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    faq = table.Column<string>(type: "jsonb", nullable: true),
                    fees = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_item_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_cat_item_versions_cat_items_item_id",
                        column: x => x.item_id,
                        principalSchema: "gov",
                        principalTable: "cat_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cat_item_fields",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    options = table.Column<string[]>(type: "text[]", nullable: false),
                    help = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_item_fields", x => x.id);
                    table.ForeignKey(
                        name: "fk_cat_item_fields_cat_item_versions_version_id",
                        column: x => x.version_id,
                        principalSchema: "gov",
                        principalTable: "cat_item_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cat_item_materials",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    issuing_body = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    originals = table.Column<int>(type: "integer", nullable: false),
                    copies = table.Column<int>(type: "integer", nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    deficiency_allowed = table.Column<bool>(type: "boolean", nullable: false),
                    instructions = table.Column<string>(type: "text", nullable: false),
                    common_mistakes = table.Column<string>(type: "text", nullable: false),
                    licence_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_form = table.Column<bool>(type: "boolean", nullable: false),
                    blank_form_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sample_file_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_item_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_cat_item_materials_cat_files_blank_form_file_id",
                        column: x => x.blank_form_file_id,
                        principalSchema: "gov",
                        principalTable: "cat_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cat_item_materials_cat_files_sample_file_id",
                        column: x => x.sample_file_id,
                        principalSchema: "gov",
                        principalTable: "cat_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cat_item_materials_cat_item_versions_version_id",
                        column: x => x.version_id,
                        principalSchema: "gov",
                        principalTable: "cat_item_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cat_bundles_code",
                schema: "gov",
                table: "cat_bundles",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cat_item_fields_version_id_key",
                schema: "gov",
                table: "cat_item_fields",
                columns: new[] { "version_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cat_item_materials_blank_form_file_id",
                schema: "gov",
                table: "cat_item_materials",
                column: "blank_form_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_cat_item_materials_sample_file_id",
                schema: "gov",
                table: "cat_item_materials",
                column: "sample_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_cat_item_materials_version_id_position",
                schema: "gov",
                table: "cat_item_materials",
                columns: new[] { "version_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_cat_item_versions_item_id_number",
                schema: "gov",
                table: "cat_item_versions",
                columns: new[] { "item_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cat_item_versions_item_id_status",
                schema: "gov",
                table: "cat_item_versions",
                columns: new[] { "item_id", "status" },
                unique: true,
                filter: "status IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "ix_cat_item_versions_search_text",
                schema: "gov",
                table: "cat_item_versions",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_cat_item_versions_status",
                schema: "gov",
                table: "cat_item_versions",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_cat_item_versions_themes",
                schema: "gov",
                table: "cat_item_versions",
                column: "themes")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_cat_items_basic_code",
                schema: "gov",
                table: "cat_items",
                column: "basic_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cat_items_department_id",
                schema: "gov",
                table: "cat_items",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_cat_items_implementation_code",
                schema: "gov",
                table: "cat_items",
                column: "implementation_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cat_bundles",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "cat_item_fields",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "cat_item_materials",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "cat_files",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "cat_item_versions",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "cat_items",
                schema: "gov");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
