CREATE TABLE "stripe_local_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"type" text NOT NULL,
	"customer" text,
	"body" jsonb NOT NULL,
	"created" integer NOT NULL,
	"delivery" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status" integer,
	CONSTRAINT "stripe_local_events_id_unique" UNIQUE("id"),
	CONSTRAINT "stripe_local_events_delivery_check" CHECK ("stripe_local_events"."delivery" in ('pending','delivered','failed'))
);
--> statement-breakpoint
CREATE TABLE "stripe_local_objects" (
	"id" text PRIMARY KEY NOT NULL,
	"object" text NOT NULL,
	"customer" text,
	"data" jsonb NOT NULL,
	"created" integer NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_local_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "stripe_read_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "stripe_local_events_customer_idx" ON "stripe_local_events" USING btree ("customer","seq");--> statement-breakpoint
CREATE INDEX "stripe_local_events_delivery_idx" ON "stripe_local_events" USING btree ("delivery","next_attempt_at");--> statement-breakpoint
CREATE INDEX "stripe_local_objects_type_customer_idx" ON "stripe_local_objects" USING btree ("object","customer","seq");