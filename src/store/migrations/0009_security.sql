-- Login throttle: one counter row per key, bumped by a single upsert so concurrent attempts cannot all pass.
DROP TABLE "login_failures";--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "login_throttle_window_start" ON "login_throttle" USING btree ("window_start");--> statement-breakpoint
-- Refused requests, counted per actor, action, route and hour instead of one audit row each.
CREATE TABLE "refusal_counts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"actor_label" text NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"route" text NOT NULL,
	"portal_id" uuid,
	"last_reason" text,
	"count" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "refusal_counts_key" ON "refusal_counts" USING btree ("actor_label","action","route","hour");--> statement-breakpoint
CREATE INDEX "refusal_counts_hour" ON "refusal_counts" USING btree ("hour");--> statement-breakpoint
-- A role offered to a person by e-mail; it becomes a membership only when they accept.
CREATE TABLE "member_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"portal_id" uuid NOT NULL,
	"domain_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid
);
--> statement-breakpoint
ALTER TABLE "member_invitations" ADD CONSTRAINT "member_invitations_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_invitations" ADD CONSTRAINT "member_invitations_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_invitations_token_hash" ON "member_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "member_invitations_portal" ON "member_invitations" USING btree ("portal_id");--> statement-breakpoint
-- Loket's payrollPeriodType of the linked payroll administration, so periods can be checked before they are stored.
ALTER TABLE "administrations" ADD COLUMN "loket_period_type" text;
