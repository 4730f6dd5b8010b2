-- Issue 13 P5: per administration, what waits for a person and the newest period with items, kept exact by
-- statement triggers on import_items so the Importstatus page reads 10k small rows, not 1M items.
CREATE TABLE "administration_item_counts" (
	"administration_id" uuid PRIMARY KEY NOT NULL REFERENCES "administrations"("id") ON DELETE CASCADE,
	"failed" integer DEFAULT 0 NOT NULL,
	"needs_check" integer DEFAULT 0 NOT NULL,
	"waiting_quota" integer DEFAULT 0 NOT NULL,
	"last_period_id" integer
);--> statement-breakpoint
CREATE FUNCTION "import_items_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- DO NOTHING takes no row lock, so workers of one administration do not queue behind each other here.
	INSERT INTO administration_item_counts (administration_id)
		SELECT DISTINCT administration_id FROM new_rows ORDER BY 1 ON CONFLICT DO NOTHING;
	UPDATE administration_item_counts c SET
		failed = c.failed + d.failed,
		needs_check = c.needs_check + d.needs_check,
		waiting_quota = c.waiting_quota + d.waiting_quota,
		last_period_id = greatest(c.last_period_id, d.last_period_id)
	FROM (
		SELECT administration_id,
			(count(*) FILTER (WHERE state = 'failed'))::int AS failed,
			(count(*) FILTER (WHERE state = 'needs_check'))::int AS needs_check,
			(count(*) FILTER (WHERE state = 'waiting_quota'))::int AS waiting_quota,
			max(period_id) AS last_period_id
		FROM new_rows GROUP BY administration_id
	) d
	WHERE c.administration_id = d.administration_id
		AND (d.failed <> 0 OR d.needs_check <> 0 OR d.waiting_quota <> 0
			OR c.last_period_id IS NULL OR d.last_period_id > c.last_period_id);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "import_items_count_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- Only administrations whose counted states changed are written: posting → posted touches nothing.
	UPDATE administration_item_counts c SET
		failed = c.failed + d.failed,
		needs_check = c.needs_check + d.needs_check,
		waiting_quota = c.waiting_quota + d.waiting_quota,
		last_period_id = greatest(c.last_period_id, d.last_period_id)
	FROM (
		SELECT administration_id,
			sum(CASE WHEN state = 'failed' THEN sign ELSE 0 END)::int AS failed,
			sum(CASE WHEN state = 'needs_check' THEN sign ELSE 0 END)::int AS needs_check,
			sum(CASE WHEN state = 'waiting_quota' THEN sign ELSE 0 END)::int AS waiting_quota,
			max(CASE WHEN sign > 0 THEN period_id END) AS last_period_id
		FROM (
			SELECT administration_id, state, period_id, 1 AS sign FROM new_rows
			UNION ALL
			SELECT administration_id, state, period_id, -1 AS sign FROM old_rows
		) changes
		GROUP BY administration_id
	) d
	WHERE c.administration_id = d.administration_id
		AND (d.failed <> 0 OR d.needs_check <> 0 OR d.waiting_quota <> 0 OR d.last_period_id > c.last_period_id);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "import_items_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- Retention deletes old items: the newest period left is looked up again (one index probe each).
	UPDATE administration_item_counts c SET
		failed = c.failed - d.failed,
		needs_check = c.needs_check - d.needs_check,
		waiting_quota = c.waiting_quota - d.waiting_quota,
		last_period_id = CASE WHEN d.last_period_id >= c.last_period_id
			THEN (SELECT max(i.period_id) FROM import_items i WHERE i.administration_id = c.administration_id)
			ELSE c.last_period_id END
	FROM (
		SELECT administration_id,
			(count(*) FILTER (WHERE state = 'failed'))::int AS failed,
			(count(*) FILTER (WHERE state = 'needs_check'))::int AS needs_check,
			(count(*) FILTER (WHERE state = 'waiting_quota'))::int AS waiting_quota,
			max(period_id) AS last_period_id
		FROM old_rows GROUP BY administration_id
	) d
	WHERE c.administration_id = d.administration_id;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "import_items_count_inserted" AFTER INSERT ON "import_items"
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "import_items_count_inserted"();--> statement-breakpoint
CREATE TRIGGER "import_items_count_updated" AFTER UPDATE ON "import_items"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "import_items_count_updated"();--> statement-breakpoint
CREATE TRIGGER "import_items_count_deleted" AFTER DELETE ON "import_items"
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "import_items_count_deleted"();--> statement-breakpoint
INSERT INTO "administration_item_counts" (administration_id, failed, needs_check, waiting_quota, last_period_id)
	SELECT administration_id,
		(count(*) FILTER (WHERE state = 'failed'))::int,
		(count(*) FILTER (WHERE state = 'needs_check'))::int,
		(count(*) FILTER (WHERE state = 'waiting_quota'))::int,
		max(period_id)
	FROM import_items GROUP BY administration_id;
