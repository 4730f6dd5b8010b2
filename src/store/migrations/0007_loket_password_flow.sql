-- The password grant is Loket's exception ("Only by exception will the password flow be enabled"): off unless the portal says its client has it.
ALTER TABLE "portals" ADD COLUMN "loket_password_flow" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- A portal that already signs a domain in with a password evidently has that exception: keep it working.
UPDATE "portals" SET "loket_password_flow" = true WHERE "id" IN (SELECT "d"."portal_id" FROM "domains" "d" JOIN "loket_connections" "c" ON "c"."domain_id" = "d"."id" WHERE "c"."method" = 'password');--> statement-breakpoint
-- A short lease on the token row so one process at a time refreshes (Loket rotates refresh tokens); no transaction spans the HTTP call.
ALTER TABLE "loket_connections" ADD COLUMN "refresh_lease_id" text;--> statement-breakpoint
ALTER TABLE "loket_connections" ADD COLUMN "refresh_lease_until" timestamp with time zone;
