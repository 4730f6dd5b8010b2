CREATE TABLE "administrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"portal_id" uuid NOT NULL,
	"domain_id" uuid NOT NULL,
	"yuki_administration_id" text,
	"name" text NOT NULL,
	"coc_number" text,
	"is_standard" boolean DEFAULT false NOT NULL,
	"gone_from_yuki_at" timestamp with time zone,
	"relation_code" integer,
	"loket_employer_id" text,
	"loket_payroll_administration_id" text,
	"loket_payroll_administration_name" text,
	"import_from_period" text,
	"auto_import" boolean,
	"import_schedule" text,
	"net_pay_component_key" integer,
	"cost_center_projects" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"domain_id" uuid NOT NULL,
	"administration_id" uuid NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "data_keys" (
	"portal_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"wrapped_key" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_keys_portal_id_version_pk" PRIMARY KEY("portal_id","version")
);
--> statement-breakpoint
CREATE TABLE "domain_features" (
	"domain_id" uuid NOT NULL,
	"feature" text NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domain_features_domain_id_feature_pk" PRIMARY KEY("domain_id","feature")
);
--> statement-breakpoint
CREATE TABLE "domain_memberships" (
	"user_id" uuid NOT NULL,
	"domain_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "domain_memberships_user_id_domain_id_pk" PRIMARY KEY("user_id","domain_id")
);
--> statement-breakpoint
CREATE TABLE "domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"portal_id" uuid NOT NULL,
	"yuki_domain_id" text,
	"name" text NOT NULL,
	"url" text,
	"gone_from_yuki_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gl_account_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"portal_id" uuid NOT NULL,
	"administration_id" uuid,
	"loket_code" text NOT NULL,
	"yuki_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loket_connections" (
	"domain_id" uuid PRIMARY KEY NOT NULL,
	"method" text NOT NULL,
	"username" text,
	"password_enc" text,
	"environment_code" text,
	"tokens_enc" text,
	"status" text DEFAULT 'untested' NOT NULL,
	"last_error" text,
	"missing_rights" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_memberships" (
	"user_id" uuid NOT NULL,
	"portal_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "portal_memberships_user_id_portal_id_pk" PRIMARY KEY("user_id","portal_id")
);
--> statement-breakpoint
CREATE TABLE "portals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"loket_client_id" text,
	"loket_client_secret_enc" text,
	"loket_environment" text DEFAULT 'production' NOT NULL,
	"yuki_access_key_enc" text,
	"auto_import" boolean DEFAULT true NOT NULL,
	"lookback_periods" integer DEFAULT 2 NOT NULL,
	"document_kinds" jsonb DEFAULT '["payslips","journal","tax_return"]'::jsonb NOT NULL,
	"notification_recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"block_on_control_difference" boolean DEFAULT false NOT NULL,
	"import_schedule" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"is_operator" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"portal_id" uuid,
	"domain_id" uuid,
	"administration_id" uuid,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"changed_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text DEFAULT 'ok' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "administrations" ADD CONSTRAINT "administrations_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administrations" ADD CONSTRAINT "administrations_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_lines" ADD CONSTRAINT "contract_lines_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_lines" ADD CONSTRAINT "contract_lines_administration_id_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."administrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_keys" ADD CONSTRAINT "data_keys_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_features" ADD CONSTRAINT "domain_features_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_memberships" ADD CONSTRAINT "domain_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_memberships" ADD CONSTRAINT "domain_memberships_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domains" ADD CONSTRAINT "domains_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gl_account_mappings" ADD CONSTRAINT "gl_account_mappings_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gl_account_mappings" ADD CONSTRAINT "gl_account_mappings_administration_id_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."administrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loket_connections" ADD CONSTRAINT "loket_connections_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_memberships" ADD CONSTRAINT "portal_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_memberships" ADD CONSTRAINT "portal_memberships_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "administrations_domain_yuki_id" ON "administrations" USING btree ("domain_id","yuki_administration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "administrations_portal_relation_code" ON "administrations" USING btree ("portal_id","relation_code") WHERE "administrations"."relation_code" is not null;--> statement-breakpoint
CREATE INDEX "contract_lines_domain" ON "contract_lines" USING btree ("domain_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_lines_open" ON "contract_lines" USING btree ("administration_id") WHERE "contract_lines"."status" in ('requested', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "domains_portal_yuki_id" ON "domains" USING btree ("portal_id","yuki_domain_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gl_account_mappings_scope_code" ON "gl_account_mappings" USING btree ("portal_id","administration_id","loket_code") WHERE "gl_account_mappings"."administration_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "gl_account_mappings_portal_code" ON "gl_account_mappings" USING btree ("portal_id","loket_code") WHERE "gl_account_mappings"."administration_id" is null;--> statement-breakpoint
CREATE INDEX "login_failures_email" ON "login_failures" USING btree ("email","failed_at");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_events_portal_at" ON "audit_events" USING btree ("portal_id","at");