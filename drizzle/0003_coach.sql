CREATE TABLE "coach_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"transcript" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress" numeric(4, 3) DEFAULT 0 NOT NULL,
	"current_field" text,
	"sophistication" text DEFAULT 'beginner' NOT NULL,
	"sophistication_confidence" numeric(4, 3) DEFAULT 0 NOT NULL,
	"sophistication_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"training_summary" jsonb,
	"coach_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coach_interviews_id_user_unique" UNIQUE("id","user_id"),
	CONSTRAINT "coach_interviews_status_check" CHECK ("coach_interviews"."status" in ('in_progress','completed','abandoned','expired')),
	CONSTRAINT "coach_interviews_sophistication_check" CHECK ("coach_interviews"."sophistication" in ('beginner','intermediate','advanced')),
	CONSTRAINT "coach_interviews_progress_check" CHECK ("coach_interviews"."progress" between 0 and 1),
	CONSTRAINT "coach_interviews_confidence_check" CHECK ("coach_interviews"."sophistication_confidence" between 0 and 1),
	CONSTRAINT "coach_interviews_transcript_check" CHECK (jsonb_typeof("coach_interviews"."transcript") = 'array'),
	CONSTRAINT "coach_interviews_fields_check" CHECK (jsonb_typeof("coach_interviews"."fields") = 'object'),
	CONSTRAINT "coach_interviews_history_check" CHECK (jsonb_typeof("coach_interviews"."sophistication_history") = 'array'),
	CONSTRAINT "coach_interviews_completed_check" CHECK (("coach_interviews"."status" = 'completed') = ("coach_interviews"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "coach_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"version" integer NOT NULL,
	"card" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coach_versions_coach_version_unique" UNIQUE("coach_id","version"),
	CONSTRAINT "coach_versions_version_check" CHECK ("coach_versions"."version" >= 1),
	CONSTRAINT "coach_versions_card_check" CHECK (jsonb_typeof("coach_versions"."card") = 'object'),
	CONSTRAINT "coach_versions_note_check" CHECK ("coach_versions"."note" is null or length("coach_versions"."note") <= 200)
);
--> statement-breakpoint
CREATE TABLE "coaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"interview_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaches_id_user_unique" UNIQUE("id","user_id"),
	CONSTRAINT "coaches_name_check" CHECK (length("coaches"."name") between 1 and 40),
	CONSTRAINT "coaches_version_check" CHECK ("coaches"."current_version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "coach_interviews" ADD CONSTRAINT "coach_interviews_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_versions" ADD CONSTRAINT "coach_versions_coach_owner_fk" FOREIGN KEY ("coach_id","user_id") REFERENCES "public"."coaches"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_versions" ADD CONSTRAINT "coach_versions_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaches" ADD CONSTRAINT "coaches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coach_interviews_user_updated_idx" ON "coach_interviews" USING btree ("user_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "coach_interviews_status_expires_idx" ON "coach_interviews" USING btree ("status","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coaches_one_primary_per_user" ON "coaches" USING btree ("user_id") WHERE "coaches"."is_primary";--> statement-breakpoint
CREATE INDEX "coaches_user_idx" ON "coaches" USING btree ("user_id","created_at");