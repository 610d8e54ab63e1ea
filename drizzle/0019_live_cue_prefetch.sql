ALTER TABLE "live_cues" ADD COLUMN "prefetched" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "live_cues" ADD COLUMN "claimed_at" timestamp with time zone;