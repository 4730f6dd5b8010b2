CREATE TABLE "import_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"marker" text NOT NULL,
	"administration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"loket_object_id" text NOT NULL,
	"version" text NOT NULL,
	"period_id" integer NOT NULL,
	"period_end_date" text NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"attempt_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"not_before" timestamp with time zone,
	"subject" text NOT NULL,
	"amount_cents" bigint,
	"yuki_document_id" text,
	"corrects_item_id" uuid,
	"last_run_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_code" text,
	"error_nl" text,
	"error_en" text,
	"error_detail" text,
	"posted_at" timestamp with time zone,
	"loket_marked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_items_posted_has_document" CHECK ("import_items"."state" <> 'posted' or "import_items"."yuki_document_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"administration_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"requested_label" text NOT NULL,
	"kinds" jsonb NOT NULL,
	"from_period_id" integer NOT NULL,
	"to_period_id" integer NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'planning' NOT NULL,
	"totals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" text,
	"error_code" text,
	"error_nl" text,
	"error_en" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "yuki_call_budgets" (
	"yuki_domain_id" text NOT NULL,
	"day" text NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"call_limit" integer NOT NULL,
	CONSTRAINT "yuki_call_budgets_yuki_domain_id_day_pk" PRIMARY KEY("yuki_domain_id","day")
);
--> statement-breakpoint
CREATE TABLE "yuki_gl_schemes" (
	"yuki_administration_id" text PRIMARY KEY NOT NULL,
	"accounts" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_items" ADD CONSTRAINT "import_items_administration_id_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."administrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_administration_id_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."administrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_items_key" ON "import_items" USING btree ("key");--> statement-breakpoint
CREATE INDEX "import_items_administration_period" ON "import_items" USING btree ("administration_id","period_id");--> statement-breakpoint
CREATE INDEX "import_items_run" ON "import_items" USING btree ("last_run_id");--> statement-breakpoint
CREATE INDEX "import_items_state" ON "import_items" USING btree ("state");--> statement-breakpoint
CREATE INDEX "import_runs_administration_started" ON "import_runs" USING btree ("administration_id","started_at");