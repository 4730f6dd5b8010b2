ALTER TABLE "import_items" ADD COLUMN "maybe_posted_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_items" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_items" ADD COLUMN "checked_by" text;--> statement-breakpoint
ALTER TABLE "import_items" ADD COLUMN "checked_at" timestamp with time zone;--> statement-breakpoint
UPDATE "import_items" SET "maybe_posted_since" = "updated_at"
  WHERE "attempts" > 0 AND "state" IN ('posting', 'failed', 'waiting_quota')
    AND ("state" = 'posting' OR "error_code" IS NULL
      OR "error_code" IN ('yuki.unavailable', 'yuki.fault', 'sync.attempt_timeout', 'internal'));--> statement-breakpoint
ALTER TABLE "import_items" DROP CONSTRAINT "import_items_posted_has_document";--> statement-breakpoint
ALTER TABLE "import_items" ADD CONSTRAINT "import_items_posted_has_document" CHECK ("import_items"."state" <> 'posted' or "import_items"."yuki_document_id" is not null or "import_items"."checked_at" is not null);--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "error_detail" text;--> statement-breakpoint
CREATE TABLE "yuki_search_proofs" (
	"yuki_domain_id" text NOT NULL,
	"kind" text NOT NULL,
	"finds_posted" boolean NOT NULL,
	"marker" text NOT NULL,
	"yuki_document_id" text,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "yuki_search_proofs_yuki_domain_id_kind_pk" PRIMARY KEY("yuki_domain_id","kind")
);
