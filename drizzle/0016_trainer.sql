CREATE TABLE "programme_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_user_id" text NOT NULL,
	"trainer_user_id" text,
	"name" text NOT NULL,
	"weeks" smallint NOT NULL,
	"days_per_week" smallint NOT NULL,
	"body" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "programme_assignments_status_check" CHECK ("programme_assignments"."status" in ('active','ended')),
	CONSTRAINT "programme_assignments_weeks_check" CHECK ("programme_assignments"."weeks" between 1 and 24),
	CONSTRAINT "programme_assignments_days_check" CHECK ("programme_assignments"."days_per_week" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "trainer_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trainer_user_id" text NOT NULL,
	"client_user_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"invite_email" text,
	"code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	CONSTRAINT "trainer_links_status_check" CHECK ("trainer_links"."status" in ('pending','active','revoked','declined')),
	CONSTRAINT "trainer_links_not_self_check" CHECK ("trainer_links"."client_user_id" is null or "trainer_links"."client_user_id" <> "trainer_links"."trainer_user_id"),
	CONSTRAINT "trainer_links_active_client_check" CHECK ("trainer_links"."status" <> 'active' or ("trainer_links"."client_user_id" is not null and "trainer_links"."accepted_at" is not null)),
	CONSTRAINT "trainer_links_pending_code_check" CHECK ("trainer_links"."status" <> 'pending' or "trainer_links"."code" is not null),
	CONSTRAINT "trainer_links_ended_by_check" CHECK ("trainer_links"."ended_by" is null or "trainer_links"."ended_by" in ('trainer','client','expired'))
);
--> statement-breakpoint
CREATE TABLE "trainer_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trainer_user_id" text NOT NULL,
	"client_user_id" text NOT NULL,
	"author_user_id" text NOT NULL,
	"session_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "trainer_messages_body_check" CHECK (length("trainer_messages"."body") between 1 and 4000),
	CONSTRAINT "trainer_messages_author_check" CHECK ("trainer_messages"."author_user_id" in ("trainer_messages"."trainer_user_id", "trainer_messages"."client_user_id"))
);
--> statement-breakpoint
CREATE TABLE "trainer_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trainer_user_id" text NOT NULL,
	"name" text NOT NULL,
	"weeks" smallint NOT NULL,
	"days_per_week" smallint NOT NULL,
	"body" jsonb NOT NULL,
	"origin" text DEFAULT 'trainer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainer_programmes_name_check" CHECK (length("trainer_programmes"."name") between 1 and 120),
	CONSTRAINT "trainer_programmes_weeks_check" CHECK ("trainer_programmes"."weeks" between 1 and 24),
	CONSTRAINT "trainer_programmes_days_check" CHECK ("trainer_programmes"."days_per_week" between 1 and 7),
	CONSTRAINT "trainer_programmes_origin_check" CHECK ("trainer_programmes"."origin" in ('trainer','coach')),
	CONSTRAINT "trainer_programmes_body_check" CHECK (jsonb_typeof("trainer_programmes"."body") = 'object')
);
--> statement-breakpoint
CREATE TABLE "trainer_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"inactive_days" smallint DEFAULT 7 NOT NULL,
	"read_only_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainer_settings_inactive_days_check" CHECK ("trainer_settings"."inactive_days" between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "programme_assignments" ADD CONSTRAINT "programme_assignments_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_assignments" ADD CONSTRAINT "programme_assignments_trainer_user_id_users_id_fk" FOREIGN KEY ("trainer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_links" ADD CONSTRAINT "trainer_links_trainer_user_id_users_id_fk" FOREIGN KEY ("trainer_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_links" ADD CONSTRAINT "trainer_links_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_messages" ADD CONSTRAINT "trainer_messages_trainer_user_id_users_id_fk" FOREIGN KEY ("trainer_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_messages" ADD CONSTRAINT "trainer_messages_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_messages" ADD CONSTRAINT "trainer_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_messages" ADD CONSTRAINT "trainer_messages_session_id_workout_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workout_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_programmes" ADD CONSTRAINT "trainer_programmes_trainer_user_id_users_id_fk" FOREIGN KEY ("trainer_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_settings" ADD CONSTRAINT "trainer_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_assignments_one_active_unique" ON "programme_assignments" USING btree ("client_user_id") WHERE "programme_assignments"."status" = 'active';--> statement-breakpoint
CREATE INDEX "programme_assignments_trainer_idx" ON "programme_assignments" USING btree ("trainer_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trainer_links_code_unique" ON "trainer_links" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "trainer_links_one_active_unique" ON "trainer_links" USING btree ("trainer_user_id","client_user_id") WHERE "trainer_links"."status" = 'active';--> statement-breakpoint
CREATE INDEX "trainer_links_trainer_idx" ON "trainer_links" USING btree ("trainer_user_id","status");--> statement-breakpoint
CREATE INDEX "trainer_links_client_idx" ON "trainer_links" USING btree ("client_user_id","status");--> statement-breakpoint
CREATE INDEX "trainer_messages_thread_idx" ON "trainer_messages" USING btree ("trainer_user_id","client_user_id","created_at");--> statement-breakpoint
CREATE INDEX "trainer_messages_session_idx" ON "trainer_messages" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "trainer_programmes_trainer_idx" ON "trainer_programmes" USING btree ("trainer_user_id","updated_at" DESC NULLS LAST);