CREATE TABLE "worker_probes" (
	"job_id" text PRIMARY KEY NOT NULL,
	"batch" text NOT NULL,
	"worker_id" text NOT NULL,
	"runs" integer DEFAULT 1 NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL
);
