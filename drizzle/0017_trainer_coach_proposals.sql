CREATE TABLE "trainer_coach_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trainer_user_id" text NOT NULL,
	"client_user_id" text NOT NULL,
	"content" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"applied_coach_version" smallint,
	CONSTRAINT "trainer_coach_proposals_status_check" CHECK ("trainer_coach_proposals"."status" in ('pending','accepted','declined','withdrawn')),
	CONSTRAINT "trainer_coach_proposals_content_check" CHECK (jsonb_typeof("trainer_coach_proposals"."content") = 'object')
);
--> statement-breakpoint
ALTER TABLE "trainer_coach_proposals" ADD CONSTRAINT "trainer_coach_proposals_trainer_user_id_users_id_fk" FOREIGN KEY ("trainer_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_coach_proposals" ADD CONSTRAINT "trainer_coach_proposals_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trainer_coach_proposals_client_idx" ON "trainer_coach_proposals" USING btree ("client_user_id","status");--> statement-breakpoint
CREATE INDEX "trainer_coach_proposals_trainer_idx" ON "trainer_coach_proposals" USING btree ("trainer_user_id");