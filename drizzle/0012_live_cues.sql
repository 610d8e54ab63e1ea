CREATE TABLE "live_cues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"trigger" text NOT NULL,
	"kind" text NOT NULL,
	"persona" text NOT NULL,
	"text" text NOT NULL,
	"toast" text NOT NULL,
	"source" text NOT NULL,
	"generation_ms" integer NOT NULL,
	"played" boolean DEFAULT false NOT NULL,
	"cached" boolean,
	"speech_ms" integer,
	"playback_start_ms" integer,
	"feedback" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_cues_trigger_check" CHECK ("live_cues"."trigger" in ('onboarding','pre-start','set-start','set-end','strainsync','workout-end')),
	CONSTRAINT "live_cues_persona_check" CHECK ("live_cues"."persona" in ('alice','aiden')),
	CONSTRAINT "live_cues_feedback_check" CHECK ("live_cues"."feedback" is null or "live_cues"."feedback" in (-1, 1)),
	CONSTRAINT "live_cues_text_check" CHECK (length("live_cues"."text") between 1 and 2000 and length("live_cues"."toast") between 1 and 49)
);
--> statement-breakpoint
ALTER TABLE "live_cues" ADD CONSTRAINT "live_cues_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_cues_user_created_idx" ON "live_cues" USING btree ("user_id","created_at" DESC NULLS LAST);