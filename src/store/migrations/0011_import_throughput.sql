DROP INDEX IF EXISTS "import_items_run";--> statement-breakpoint
CREATE INDEX "import_items_run" ON "import_items" USING btree ("last_run_id","state");
