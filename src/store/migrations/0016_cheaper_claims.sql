-- Issue 13 P1: every claim read the link version (sync/link-version) with three set scans — count and newest
-- xmin of the administration's domain features, contract lines and GL mappings. A change in one of those sets
-- now touches the row the set belongs to, whose xmin the version reads already: four key lookups per claim.
-- A no-op UPDATE still writes a new row version, so the owner's xmin moves with every change of its set.
CREATE FUNCTION "link_set_touch_domain"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE domains SET id = id WHERE id IN (OLD.domain_id, NEW.domain_id);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "link_set_touch_administration"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE administrations SET id = id WHERE id IN (OLD.administration_id, NEW.administration_id);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "link_set_touch_mapping_owner"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- A mapping of one administration belongs to it; a portal-wide one (no administration) to the portal.
	UPDATE administrations SET id = id WHERE id IN (OLD.administration_id, NEW.administration_id);
	UPDATE portals SET id = id WHERE id IN (
		CASE WHEN OLD.administration_id IS NULL THEN OLD.portal_id END,
		CASE WHEN NEW.administration_id IS NULL THEN NEW.portal_id END);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "domain_features_touch_domain" AFTER INSERT OR UPDATE OR DELETE ON "domain_features"
	FOR EACH ROW EXECUTE FUNCTION "link_set_touch_domain"();--> statement-breakpoint
CREATE TRIGGER "contract_lines_touch_administration" AFTER INSERT OR UPDATE OR DELETE ON "contract_lines"
	FOR EACH ROW EXECUTE FUNCTION "link_set_touch_administration"();--> statement-breakpoint
CREATE TRIGGER "gl_account_mappings_touch_owner" AFTER INSERT OR UPDATE OR DELETE ON "gl_account_mappings"
	FOR EACH ROW EXECUTE FUNCTION "link_set_touch_mapping_owner"();--> statement-breakpoint
-- The item counts (0015) ran a statement trigger, with its transition tables, on every UPDATE of an item —
-- claims, heartbeats, posts. Only a move into or out of a counted state, or a later period, changes a count:
-- a row trigger filtered by WHEN leaves the rest alone without calling any function.
DROP TRIGGER "import_items_count_updated" ON "import_items";--> statement-breakpoint
DROP FUNCTION "import_items_count_updated"();--> statement-breakpoint
CREATE FUNCTION "import_items_count_row_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE administration_item_counts SET
		failed = failed - (OLD.state = 'failed')::int,
		needs_check = needs_check - (OLD.state = 'needs_check')::int,
		waiting_quota = waiting_quota - (OLD.state = 'waiting_quota')::int
	WHERE administration_id = OLD.administration_id;
	UPDATE administration_item_counts SET
		failed = failed + (NEW.state = 'failed')::int,
		needs_check = needs_check + (NEW.state = 'needs_check')::int,
		waiting_quota = waiting_quota + (NEW.state = 'waiting_quota')::int,
		last_period_id = greatest(last_period_id, NEW.period_id)
	WHERE administration_id = NEW.administration_id;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "import_items_count_updated" AFTER UPDATE OF state, period_id, administration_id ON "import_items"
	FOR EACH ROW WHEN (
		(OLD.state IS DISTINCT FROM NEW.state
			AND (OLD.state IN ('failed', 'needs_check', 'waiting_quota') OR NEW.state IN ('failed', 'needs_check', 'waiting_quota')))
		OR NEW.period_id > OLD.period_id
		OR OLD.administration_id IS DISTINCT FROM NEW.administration_id)
	EXECUTE FUNCTION "import_items_count_row_updated"();
