CREATE TYPE "public"."case_lifecycle" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."custody_status" AS ENUM('in_hiding_third_country', 'detained_in_china', 'handed_over_to_north_korea', 'interrogation_state_security', 'holding_centre', 'labour_training_camp', 'prison', 'political_prison_camp', 'released_under_surveillance', 'reached_safety', 'deceased_reported', 'deceased_confirmed', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'year', 'approximate');--> statement-breakpoint
CREATE TYPE "public"."event_visibility" AS ENUM('public', 'internal');--> statement-breakpoint
CREATE TYPE "public"."family_consent_status" AS ENUM('not_asked', 'pending', 'granted', 'refused', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."person_relation" AS ENUM('principal', 'wife', 'husband', 'son', 'daughter', 'mother', 'father', 'sister', 'brother', 'relative', 'companion');--> statement-breakpoint
CREATE TYPE "public"."publicity_mode" AS ENUM('public_campaign', 'quiet_advocacy', 'internal_only');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('media', 'ngo', 'family', 'informant_north_korea', 'informant_china', 'official_document');--> statement-breakpoint
CREATE TYPE "public"."timeline_event_type" AS ENUM('escape', 'arrest', 'detention', 'transfer', 'repatriation', 'interrogation', 'sentencing', 'release', 'arrival', 'appeal', 'advocacy', 'statement', 'report', 'other');--> statement-breakpoint
CREATE TYPE "public"."urgency_level" AS ENUM('critical', 'high', 'moderate', 'low');--> statement-breakpoint
CREATE TYPE "public"."verification_grade" AS ENUM('reported', 'single_source', 'corroborated', 'documented', 'officially_confirmed', 'disputed', 'retracted');--> statement-breakpoint
CREATE TABLE "case_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"public_alias" text NOT NULL,
	"legal_name" text,
	"relation" "person_relation" NOT NULL,
	"birth_year" integer,
	"birth_year_approximate" boolean DEFAULT false NOT NULL,
	"is_minor" boolean DEFAULT false NOT NULL,
	"custody_status" "custody_status" DEFAULT 'unknown' NOT NULL,
	"custody_place" text,
	"custody_as_of" date,
	"custody_as_of_precision" date_precision DEFAULT 'day' NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"display_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"public_summary" text DEFAULT '' NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"urgency" "urgency_level" DEFAULT 'moderate' NOT NULL,
	"lifecycle" "case_lifecycle" DEFAULT 'draft' NOT NULL,
	"publicity_mode" "publicity_mode" DEFAULT 'internal_only' NOT NULL,
	"family_consent_status" "family_consent_status" DEFAULT 'not_asked' NOT NULL,
	"family_consent_recorded_on" date,
	"next_review_on" date,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "source_kind" NOT NULL,
	"public_attribution" text NOT NULL,
	"may_be_named" boolean DEFAULT false NOT NULL,
	"name" text,
	"url" text,
	"internal_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_event_people" (
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timeline_event_people_event_id_person_id_pk" PRIMARY KEY("event_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "timeline_event_sources" (
	"event_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timeline_event_sources_event_id_source_id_pk" PRIMARY KEY("event_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "timeline_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_precision" date_precision DEFAULT 'day' NOT NULL,
	"ended_on" date,
	"event_type" timeline_event_type NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"place" text,
	"verification_grade" "verification_grade" DEFAULT 'reported' NOT NULL,
	"visibility" "event_visibility" DEFAULT 'internal' NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_people" ADD CONSTRAINT "case_people_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_event_people" ADD CONSTRAINT "timeline_event_people_event_id_timeline_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."timeline_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_event_people" ADD CONSTRAINT "timeline_event_people_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_event_sources" ADD CONSTRAINT "timeline_event_sources_event_id_timeline_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."timeline_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_event_sources" ADD CONSTRAINT "timeline_event_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_people_case_idx" ON "case_people" USING btree ("case_id","display_order");--> statement-breakpoint
CREATE INDEX "cases_public_listing_idx" ON "cases" USING btree ("lifecycle","publicity_mode");--> statement-breakpoint
CREATE INDEX "timeline_event_people_person_idx" ON "timeline_event_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "timeline_event_sources_source_idx" ON "timeline_event_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "timeline_events_case_date_idx" ON "timeline_events" USING btree ("case_id","visibility","occurred_on");