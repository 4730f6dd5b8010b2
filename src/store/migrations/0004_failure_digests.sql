CREATE TABLE "failure_digests" (
	"domain_id" uuid NOT NULL,
	"day" text NOT NULL,
	"failures" integer NOT NULL,
	"recipients" jsonb NOT NULL,
	"delivered" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "failure_digests_domain_id_day_pk" PRIMARY KEY("domain_id","day")
);
--> statement-breakpoint
ALTER TABLE "failure_digests" ADD CONSTRAINT "failure_digests_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE cascade ON UPDATE no action;