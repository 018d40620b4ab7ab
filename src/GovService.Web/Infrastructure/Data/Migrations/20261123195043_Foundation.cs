using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "gov");

            migrationBuilder.CreateTable(
                name: "acc_roles",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acc_users",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    real_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cal_coverage_checks",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    today = table.Column<DateOnly>(type: "date", nullable: false),
                    last_loaded_year = table.Column<int>(type: "integer", nullable: true),
                    current_year_missing = table.Column<bool>(type: "boolean", nullable: false),
                    next_year_missing = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cal_coverage_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cal_days",
                schema: "gov",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    is_off_day = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cal_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "cal_years",
                schema: "gov",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cal_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "ops_audit_entries",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: true),
                    after = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ops_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ops_data_protection_keys",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ops_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_regions",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_regions", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_regions_org_regions_parent_id",
                        column: x => x.parent_id,
                        principalSchema: "gov",
                        principalTable: "org_regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "acc_role_claims",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_acc_role_claims_acc_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "gov",
                        principalTable: "acc_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_user_claims",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_acc_user_claims_acc_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "gov",
                        principalTable: "acc_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_user_logins",
                schema: "gov",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_acc_user_logins_acc_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "gov",
                        principalTable: "acc_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_user_roles",
                schema: "gov",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_acc_user_roles_acc_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "gov",
                        principalTable: "acc_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_acc_user_roles_acc_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "gov",
                        principalTable: "acc_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_user_tokens",
                schema: "gov",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_acc_user_tokens_acc_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "gov",
                        principalTable: "acc_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "org_departments",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    short_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_departments", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_departments_region_region_id",
                        column: x => x.region_id,
                        principalSchema: "gov",
                        principalTable: "org_regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "org_halls",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    opening_hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_halls", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_halls_org_regions_region_id",
                        column: x => x.region_id,
                        principalSchema: "gov",
                        principalTable: "org_regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "org_hall_windows",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_hall_windows", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_hall_windows_org_halls_hall_id",
                        column: x => x.hall_id,
                        principalSchema: "gov",
                        principalTable: "org_halls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "org_staff",
                schema: "gov",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    office_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_staff_org_departments_department_id",
                        column: x => x.department_id,
                        principalSchema: "gov",
                        principalTable: "org_departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_org_staff_org_halls_hall_id",
                        column: x => x.hall_id,
                        principalSchema: "gov",
                        principalTable: "org_halls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_org_staff_org_regions_region_id",
                        column: x => x.region_id,
                        principalSchema: "gov",
                        principalTable: "org_regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_acc_role_claims_role_id",
                schema: "gov",
                table: "acc_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                schema: "gov",
                table: "acc_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_acc_user_claims_user_id",
                schema: "gov",
                table: "acc_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_acc_user_logins_user_id",
                schema: "gov",
                table: "acc_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_acc_user_roles_role_id",
                schema: "gov",
                table: "acc_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                schema: "gov",
                table: "acc_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_acc_users_id_number",
                schema: "gov",
                table: "acc_users",
                column: "id_number",
                unique: true,
                filter: "id_number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_acc_users_phone_number",
                schema: "gov",
                table: "acc_users",
                column: "phone_number",
                unique: true,
                filter: "phone_number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                schema: "gov",
                table: "acc_users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cal_days_year",
                schema: "gov",
                table: "cal_days",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_ops_audit_entries_entity_type_entity_id",
                schema: "gov",
                table: "ops_audit_entries",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_org_departments_credit_code",
                schema: "gov",
                table: "org_departments",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_departments_region_id",
                schema: "gov",
                table: "org_departments",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_hall_windows_hall_id_number",
                schema: "gov",
                table: "org_hall_windows",
                columns: new[] { "hall_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_halls_region_id",
                schema: "gov",
                table: "org_halls",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_regions_code",
                schema: "gov",
                table: "org_regions",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_regions_parent_id",
                schema: "gov",
                table: "org_regions",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_staff_department_id",
                schema: "gov",
                table: "org_staff",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_staff_hall_id",
                schema: "gov",
                table: "org_staff",
                column: "hall_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_staff_region_id",
                schema: "gov",
                table: "org_staff",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_staff_user_id",
                schema: "gov",
                table: "org_staff",
                column: "user_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acc_role_claims",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "acc_user_claims",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "acc_user_logins",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "acc_user_roles",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "acc_user_tokens",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "cal_coverage_checks",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "cal_days",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "cal_years",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "ops_audit_entries",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "ops_data_protection_keys",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "org_hall_windows",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "org_staff",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "acc_roles",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "acc_users",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "org_departments",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "org_halls",
                schema: "gov");

            migrationBuilder.DropTable(
                name: "org_regions",
                schema: "gov");
        }
    }
}
