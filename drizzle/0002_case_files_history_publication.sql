CREATE TYPE "public"."case_record_kind" AS ENUM('case', 'person', 'event', 'source');--> statement-breakpoint
CREATE TYPE "public"."event_correction_kind" AS ENUM('correction', 'retraction');--> statement-breakpoint
CREATE TYPE "public"."publication_request_status" AS ENUM('pending', 'approved', 'withdrawn');--> statement-breakpoint
CREATE TABLE "case_rules" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"require_second_approval" boolean DEFAULT true NOT NULL,
	"review_after_days" integer DEFAULT 30 NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_rules_single_row" CHECK ("case_rules"."id" = 1),
	CONSTRAINT "case_rules_review_days_positive" CHECK ("case_rules"."review_after_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "event_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" "event_correction_kind" NOT NULL,
	"public_reason" text NOT NULL,
	"internal_note" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"event_id" uuid,
	"status" "publication_request_status" DEFAULT 'pending' NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" "case_record_kind" NOT NULL,
	"entity_id" uuid NOT NULL,
	"case_id" uuid,
	"version" integer NOT NULL,
	"change_kind" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by_user_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "consent_waiver_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "origin" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD COLUMN "disputed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD COLUMN "retracted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_rules" ADD CONSTRAINT "case_rules_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_corrections" ADD CONSTRAINT "event_corrections_event_id_timeline_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."timeline_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_corrections" ADD CONSTRAINT "event_corrections_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD CONSTRAINT "publication_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD CONSTRAINT "publication_requests_event_id_timeline_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."timeline_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD CONSTRAINT "publication_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD CONSTRAINT "publication_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_versions" ADD CONSTRAINT "record_versions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_versions" ADD CONSTRAINT "record_versions_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_corrections_event_idx" ON "event_corrections" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "publication_requests_case_idx" ON "publication_requests" USING btree ("case_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "publication_requests_one_pending_case" ON "publication_requests" USING btree ("case_id") WHERE "publication_requests"."event_id" is null and "publication_requests"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "publication_requests_one_pending_event" ON "publication_requests" USING btree ("event_id") WHERE "publication_requests"."event_id" is not null and "publication_requests"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "record_versions_entity_version_unique" ON "record_versions" USING btree ("entity_type","entity_id","version");--> statement-breakpoint
CREATE INDEX "record_versions_case_idx" ON "record_versions" USING btree ("case_id","changed_at");