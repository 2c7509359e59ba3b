import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Lot-number search is a substring match (a picker types part of a number). A trigram index
// serves it without scanning every lot. pg_trgm ships with PostgreSQL's contrib; where it cannot
// be installed the search still works, by scanning.
export class Migration20261125093000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX IF NOT EXISTS "IDX_lot_lot_number_trgm" ON "lot" USING gin ("lot_number" gin_trgm_ops)
          WHERE deleted_at IS NULL;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available (%): lot-number search will scan', SQLERRM;
      END $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_lot_lot_number_trgm";`)
  }
}
