CREATE INDEX "import_items_needs_person" ON "import_items" USING btree ("administration_id","state") WHERE "import_items"."state" in ('failed', 'needs_check');--> statement-breakpoint
CREATE INDEX "administrations_portal_name" ON "administrations" USING btree ("portal_id","name");
