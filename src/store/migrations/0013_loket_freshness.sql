CREATE TABLE "loket_poll_state" (
	"domain_id" uuid PRIMARY KEY NOT NULL,
	"provider_id" text,
	"polled_at" timestamp with time zone,
	"ok_at" timestamp with time zone,
	"error_code" text,
	CONSTRAINT "loket_poll_state_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE cascade ON UPDATE no action
);
--> statement-breakpoint
CREATE TABLE "loket_process_statuses" (
	"administration_id" uuid NOT NULL,
	"payroll_period_id" integer NOT NULL,
	"status" integer NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loket_process_statuses_administration_id_payroll_period_id_pk" PRIMARY KEY("administration_id","payroll_period_id"),
	CONSTRAINT "loket_process_statuses_administration_id_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."administrations"("id") ON DELETE cascade ON UPDATE no action
);
--> statement-breakpoint
CREATE INDEX "loket_process_statuses_seen_at" ON "loket_process_statuses" USING btree ("administration_id","seen_at");
