CREATE TABLE "speech_clips" (
	"key" text PRIMARY KEY NOT NULL,
	"engine" text NOT NULL,
	"voice" text NOT NULL,
	"mime" text NOT NULL,
	"audio" "bytea" NOT NULL,
	"bytes" integer NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "speech_clips_bytes_check" CHECK ("speech_clips"."bytes" > 0 and "speech_clips"."bytes" < 1048576)
);
--> statement-breakpoint
CREATE TABLE "speech_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"engine" text NOT NULL,
	"hit" boolean NOT NULL,
	"fallback_reason" text,
	"ms" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "speech_clips_last_used_idx" ON "speech_clips" USING btree ("last_used_at");--> statement-breakpoint
CREATE INDEX "speech_clips_expires_idx" ON "speech_clips" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "speech_requests_at_idx" ON "speech_requests" USING btree ("at");