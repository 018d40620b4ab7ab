using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovService.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "chain_seq",
                schema: "gov",
                table: "ops_audit_entries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hash",
                schema: "gov",
                table: "ops_audit_entries",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "tx_id",
                schema: "gov",
                table: "ops_audit_entries",
                type: "bigint",
                nullable: false,
                defaultValueSql: "(pg_current_xact_id()::text)::bigint");

            migrationBuilder.CreateIndex(
                name: "ix_ops_audit_entries_chain_seq",
                schema: "gov",
                table: "ops_audit_entries",
                column: "chain_seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ops_audit_entries_unsealed",
                schema: "gov",
                table: "ops_audit_entries",
                column: "id",
                filter: "chain_seq IS NULL");

            // The trail is append-only: an entry may change only once, when the sealer chains it. Anyone able to
            // switch this trigger off can still edit rows, and then the chain verification names the entry.
            migrationBuilder.Sql("""
                CREATE FUNCTION gov.ops_audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
                       AND (NEW.id, NEW.at, NEW.user_name, NEW.action, NEW.entity_type, NEW.entity_id, NEW.tx_id)
                           IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.user_name, OLD.action, OLD.entity_type, OLD.entity_id, OLD.tx_id)
                       AND NEW.before IS NOT DISTINCT FROM OLD.before AND NEW.after IS NOT DISTINCT FROM OLD.after THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'the audit trail is append-only (% of entry % refused)', TG_OP, OLD.id;
                END $$;
                CREATE TRIGGER ops_audit_entries_append_only BEFORE UPDATE OR DELETE ON gov.ops_audit_entries
                    FOR EACH ROW EXECUTE FUNCTION gov.ops_audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER ops_audit_entries_append_only ON gov.ops_audit_entries;
                DROP FUNCTION gov.ops_audit_entries_append_only();
                """);

            migrationBuilder.DropIndex(
                name: "ix_ops_audit_entries_chain_seq",
                schema: "gov",
                table: "ops_audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_ops_audit_entries_unsealed",
                schema: "gov",
                table: "ops_audit_entries");

            migrationBuilder.DropColumn(
                name: "chain_seq",
                schema: "gov",
                table: "ops_audit_entries");

            migrationBuilder.DropColumn(
                name: "hash",
                schema: "gov",
                table: "ops_audit_entries");

            migrationBuilder.DropColumn(
                name: "tx_id",
                schema: "gov",
                table: "ops_audit_entries");
        }
    }
}
