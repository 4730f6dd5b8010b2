CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"recipients" text NOT NULL,
	"subject" text NOT NULL,
	"body" text,
	"status" text NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_status" CHECK ("mail_outbox"."status" in ('sent', 'failed', 'not_configured')),
	CONSTRAINT "mail_outbox_body_only_when_failed" CHECK ("mail_outbox"."status" = 'failed' or "mail_outbox"."body" is null)
);--> statement-breakpoint
CREATE INDEX "mail_outbox_created_at_idx" ON "mail_outbox" USING btree ("created_at");
--> statement-breakpoint
-- Still append-only, except that housekeeping may delete rows past the retention period: only in a
-- transaction that says so (set local loket_yuki.audit_retention) and only rows older than it names.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND coalesce(current_setting('loket_yuki.audit_retention', true), '') <> ''
     AND OLD.at < current_setting('loket_yuki.audit_retention', true)::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
