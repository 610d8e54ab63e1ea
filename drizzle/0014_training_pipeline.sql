CREATE TABLE "model_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"provider" text NOT NULL,
	"status" text DEFAULT 'training' NOT NULL,
	"params" jsonb,
	"metrics" jsonb,
	"validation_passed" boolean,
	"external_model" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deployed_at" timestamp with time zone,
	CONSTRAINT "model_versions_version_unique" UNIQUE("version"),
	CONSTRAINT "model_versions_semver_check" CHECK ("model_versions"."version" ~ '^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'),
	CONSTRAINT "model_versions_status_check" CHECK ("model_versions"."status" in ('training','validating','validated','deployed','archived','failed')),
	CONSTRAINT "model_versions_provider_check" CHECK ("model_versions"."provider" in ('offline','openai')),
	CONSTRAINT "model_versions_deploy_check" CHECK ("model_versions"."status" not in ('validated','deployed') or ("model_versions"."metrics" is not null and "model_versions"."validation_passed" is true))
);
--> statement-breakpoint
CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "server_secrets_value_check" CHECK (length("server_secrets"."value") >= 32)
);
--> statement-breakpoint
CREATE TABLE "training_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cadence" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"record_count" integer NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"jsonl" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_batches_period_unique" UNIQUE("cadence","period_start"),
	CONSTRAINT "training_batches_cadence_check" CHECK ("training_batches"."cadence" in ('weekly','monthly')),
	CONSTRAINT "training_batches_period_check" CHECK ("training_batches"."period_end" > "training_batches"."period_start"),
	CONSTRAINT "training_batches_counts_check" CHECK ("training_batches"."record_count" >= 0 and "training_batches"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"granted" boolean NOT NULL,
	"text_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_consents_version_check" CHECK (length("training_consents"."text_version") between 1 and 40)
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text,
	"subject" text NOT NULL,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"cadence" text NOT NULL,
	"messages" jsonb NOT NULL,
	"context_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"quality" numeric(4, 3) NOT NULL,
	"persona" text,
	"trigger" text,
	"template" smallint,
	"feedback" smallint,
	"state" text DEFAULT 'created' NOT NULL,
	"batch_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"exported_at" timestamp with time zone,
	CONSTRAINT "training_records_source_unique" UNIQUE("source","source_ref"),
	CONSTRAINT "training_records_state_check" CHECK ("training_records"."state" in ('created','pending_export','exported','archived')),
	CONSTRAINT "training_records_source_check" CHECK ("training_records"."source" in ('chat','cue')),
	CONSTRAINT "training_records_cadence_check" CHECK ("training_records"."cadence" in ('weekly','monthly')),
	CONSTRAINT "training_records_quality_check" CHECK ("training_records"."quality" between 0 and 1),
	CONSTRAINT "training_records_subject_check" CHECK ("training_records"."subject" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "training_records_messages_check" CHECK (jsonb_typeof("training_records"."messages") = 'array'),
	CONSTRAINT "training_records_unlinked_check" CHECK ("training_records"."state" in ('created','pending_export') or "training_records"."user_id" is null),
	CONSTRAINT "training_records_feedback_check" CHECK ("training_records"."feedback" is null or "training_records"."feedback" in (-1, 1))
);
--> statement-breakpoint
CREATE TABLE "training_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"batch_id" uuid,
	"provider" text NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"retries" integer DEFAULT 0 NOT NULL,
	"file_id" text,
	"job_id" text,
	"model_version_id" uuid,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_runs_state_check" CHECK ("training_runs"."state" in ('scheduled','collecting','training','validating','completed','failed')),
	CONSTRAINT "training_runs_provider_check" CHECK ("training_runs"."provider" in ('offline','openai')),
	CONSTRAINT "training_runs_retries_check" CHECK ("training_runs"."retries" between 0 and 5),
	CONSTRAINT "training_runs_error_check" CHECK ("training_runs"."error" is null or length("training_runs"."error") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "training_consents" ADD CONSTRAINT "training_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_batch_id_training_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."training_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_batch_id_training_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."training_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_model_version_id_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_one_deployed" ON "model_versions" USING btree ("status") WHERE "model_versions"."status" = 'deployed';--> statement-breakpoint
CREATE INDEX "training_consents_user_idx" ON "training_consents" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "training_records_user_state_idx" ON "training_records" USING btree ("user_id","state");--> statement-breakpoint
CREATE INDEX "training_records_state_occurred_idx" ON "training_records" USING btree ("state","cadence","occurred_at");--> statement-breakpoint
CREATE INDEX "training_records_batch_idx" ON "training_records" USING btree ("batch_id");