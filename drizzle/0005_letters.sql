CREATE TYPE "public"."letter_language" AS ENUM('en', 'ko', 'zh');--> statement-breakpoint
CREATE TYPE "public"."letter_status" AS ENUM('generated', 'sent', 'delivered', 'replied', 'no_reply');--> statement-breakpoint
CREATE TYPE "public"."paper_size" AS ENUM('a4', 'letter');--> statement-breakpoint
CREATE TYPE "public"."send_channel" AS ENUM('post', 'email', 'fax', 'by_hand');--> statement-breakpoint
CREATE TYPE "public"."target_kind" AS ENUM('embassy', 'consulate', 'ministry', 'un_mandate');--> statement-breakpoint
CREATE TYPE "public"."target_status" AS ENUM('active', 'moved', 'closed');--> statement-breakpoint
CREATE TYPE "public"."template_purpose" AS ENUM('organizer', 'supporter');--> statement-breakpoint
CREATE TABLE "letter_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"template_version" integer NOT NULL,
	"case_id" uuid NOT NULL,
	"paper" "paper_size" DEFAULT 'a4' NOT NULL,
	"sender_name" text NOT NULL,
	"sender_organisation" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" "target_kind" NOT NULL,
	"name_en" text NOT NULL,
	"name_local" text DEFAULT '' NOT NULL,
	"name_zh" text DEFAULT '' NOT NULL,
	"represents_country" text NOT NULL,
	"host_country" text NOT NULL,
	"city" text NOT NULL,
	"address_lines" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"fax" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"head_title" text DEFAULT '' NOT NULL,
	"salutation_en" text NOT NULL,
	"salutation_ko" text NOT NULL,
	"salutation_zh" text NOT NULL,
	"preferred_languages" "letter_language"[] DEFAULT '{en}' NOT NULL,
	"source_url" text DEFAULT '' NOT NULL,
	"source_notes" text DEFAULT '' NOT NULL,
	"verified_on" date,
	"status" "target_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" "template_purpose" DEFAULT 'organizer' NOT NULL,
	"language" "letter_language" NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"target_id" uuid,
	"case_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"template_version" integer NOT NULL,
	"language" "letter_language" NOT NULL,
	"rendered_text" text NOT NULL,
	"target_snapshot" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"position" integer NOT NULL,
	"status" "letter_status" DEFAULT 'generated' NOT NULL,
	"sent_via" "send_channel",
	"sent_on" date,
	"delivered_on" date,
	"replied_on" date,
	"closed_on" date,
	"reply_note" text DEFAULT '' NOT NULL,
	"sent_event_id" uuid,
	"reply_event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letters_sha256_hex" CHECK ("letters"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "supporter_letter_counts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"letter_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letter_batches" ADD CONSTRAINT "letter_batches_template_id_letter_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."letter_templates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_batches" ADD CONSTRAINT "letter_batches_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_batches" ADD CONSTRAINT "letter_batches_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_batch_id_letter_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."letter_batches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_target_id_letter_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."letter_targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_template_id_letter_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."letter_templates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_sent_event_id_timeline_events_id_fk" FOREIGN KEY ("sent_event_id") REFERENCES "public"."timeline_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_reply_event_id_timeline_events_id_fk" FOREIGN KEY ("reply_event_id") REFERENCES "public"."timeline_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporter_letter_counts" ADD CONSTRAINT "supporter_letter_counts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_batches_case_idx" ON "letter_batches" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_targets_key_unique" ON "letter_targets" USING btree ("key");--> statement-breakpoint
CREATE INDEX "letter_targets_kind_host_idx" ON "letter_targets" USING btree ("kind","host_country");--> statement-breakpoint
CREATE INDEX "letter_templates_case_idx" ON "letter_templates" USING btree ("case_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_templates_supporter_unique" ON "letter_templates" USING btree ("case_id","language") WHERE "letter_templates"."purpose" = 'supporter';--> statement-breakpoint
CREATE INDEX "letters_batch_idx" ON "letters" USING btree ("batch_id","position");--> statement-breakpoint
CREATE INDEX "letters_target_idx" ON "letters" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "letters_case_idx" ON "letters" USING btree ("case_id","status");