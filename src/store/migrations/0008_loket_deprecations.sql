CREATE TABLE "loket_deprecations" (
	"portal_id" uuid NOT NULL,
	"activity" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"resource_version" text NOT NULL,
	"obsolete_date" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_warned_at" timestamp with time zone,
	CONSTRAINT "loket_deprecations_portal_id_activity_pk" PRIMARY KEY("portal_id","activity")
);
--> statement-breakpoint
ALTER TABLE "loket_deprecations" ADD CONSTRAINT "loket_deprecations_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE cascade ON UPDATE no action;
