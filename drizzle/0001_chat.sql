CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"title" text DEFAULT 'New conversation' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"context_summary" text,
	"summary_through_message_id" uuid,
	"model_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_id_user_unique" UNIQUE("id","user_id"),
	CONSTRAINT "conversations_status_check" CHECK ("conversations"."status" in ('active','inactive')),
	CONSTRAINT "conversations_title_check" CHECK (length("conversations"."title") between 1 and 120),
	CONSTRAINT "conversations_summary_check" CHECK ("conversations"."context_summary" is null or length("conversations"."context_summary") <= 8000),
	CONSTRAINT "conversations_model_label_check" CHECK ("conversations"."model_label" is null or length("conversations"."model_label") <= 120)
);
--> statement-breakpoint
CREATE TABLE "message_visualizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"chart_type" text NOT NULL,
	"option" jsonb NOT NULL,
	"sql" text NOT NULL,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_visualizations_message_position_unique" UNIQUE("message_id","position"),
	CONSTRAINT "message_visualizations_chart_type_check" CHECK ("message_visualizations"."chart_type" in ('line','bar','scatter','pie','heatmap')),
	CONSTRAINT "message_visualizations_option_check" CHECK (jsonb_typeof("message_visualizations"."option") = 'object'),
	CONSTRAINT "message_visualizations_columns_check" CHECK (jsonb_typeof("message_visualizations"."columns") = 'array'),
	CONSTRAINT "message_visualizations_rows_check" CHECK (jsonb_typeof("message_visualizations"."rows") = 'array' and jsonb_array_length("message_visualizations"."rows") <= 500),
	CONSTRAINT "message_visualizations_position_check" CHECK ("message_visualizations"."position" >= 0),
	CONSTRAINT "message_visualizations_sql_check" CHECK (length("message_visualizations"."sql") between 1 and 20000)
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"conversation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'complete' NOT NULL,
	"input_tokens" integer,
	"output_tokens" integer,
	"query_executed" text,
	"query_ms" integer,
	"error_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_id_user_unique" UNIQUE("id","user_id"),
	CONSTRAINT "messages_role_check" CHECK ("messages"."role" in ('user','assistant','system')),
	CONSTRAINT "messages_status_check" CHECK ("messages"."status" in ('complete','streaming','stopped','error')),
	CONSTRAINT "messages_parts_check" CHECK (jsonb_typeof("messages"."parts") = 'array'),
	CONSTRAINT "messages_tokens_check" CHECK (coalesce("messages"."input_tokens", 0) >= 0 and coalesce("messages"."output_tokens", 0) >= 0),
	CONSTRAINT "messages_query_ms_check" CHECK ("messages"."query_ms" is null or "messages"."query_ms" >= 0),
	CONSTRAINT "messages_query_check" CHECK ("messages"."query_executed" is null or length("messages"."query_executed") <= 20000),
	CONSTRAINT "messages_error_check" CHECK ("messages"."error_message" is null or length("messages"."error_message") <= 2000),
	CONSTRAINT "messages_error_status_check" CHECK ("messages"."status" = 'error' or "messages"."error_message" is null)
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_summary_through_message_id_messages_id_fk" FOREIGN KEY ("summary_through_message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_visualizations" ADD CONSTRAINT "message_visualizations_message_owner_fk" FOREIGN KEY ("message_id","user_id") REFERENCES "public"."messages"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_visualizations" ADD CONSTRAINT "message_visualizations_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_owner_fk" FOREIGN KEY ("conversation_id","user_id") REFERENCES "public"."conversations"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_user_last_message_idx" ON "conversations" USING btree ("user_id","last_message_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "message_visualizations_user_idx" ON "message_visualizations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "messages_conversation_seq_idx" ON "messages" USING btree ("conversation_id","seq");