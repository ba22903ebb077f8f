ALTER TYPE "public"."publication_request_status" ADD VALUE 'rejected';--> statement-breakpoint
CREATE TABLE "public_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb,
	"content_hash" text,
	"stamps" jsonb NOT NULL,
	"slug" text,
	"title" text,
	"archived" boolean DEFAULT false NOT NULL,
	"request_id" uuid,
	"approved_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_migrations" (
	"name" text PRIMARY KEY NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "public_snapshot_id" uuid;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD COLUMN "custody_status" "custody_status";--> statement-breakpoint
ALTER TABLE "timeline_events" ADD COLUMN "custody_place" text;--> statement-breakpoint
ALTER TABLE "case_rules" ADD COLUMN "allow_urgent_corrections" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_rules" ADD COLUMN "proposed_rules" jsonb;--> statement-breakpoint
ALTER TABLE "case_rules" ADD COLUMN "proposed_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD COLUMN "content" jsonb;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD COLUMN "base_snapshot_id" uuid;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD COLUMN "rejection_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD COLUMN "urgent_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD COLUMN "reviewed_after_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD COLUMN "reviewed_after_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "public_snapshots" ADD CONSTRAINT "public_snapshots_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_snapshots" ADD CONSTRAINT "public_snapshots_request_id_publication_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."publication_requests"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_snapshots" ADD CONSTRAINT "public_snapshots_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "public_snapshots_case_version_unique" ON "public_snapshots" USING btree ("case_id","version");--> statement-breakpoint
CREATE INDEX "public_snapshots_slug_idx" ON "public_snapshots" USING btree ("slug");--> statement-breakpoint
ALTER TABLE "case_rules" ADD CONSTRAINT "case_rules_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_requests" ADD CONSTRAINT "publication_requests_reviewed_after_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_after_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_public_snapshot_idx" ON "cases" USING btree ("public_snapshot_id");--> statement-breakpoint
CREATE INDEX "publication_requests_status_idx" ON "publication_requests" USING btree ("status","created_at");--> statement-breakpoint
-- Hand-written: the pointer to the current snapshot (a foreign key drizzle cannot declare across the two schema files).
ALTER TABLE "cases" ADD CONSTRAINT "cases_public_snapshot_id_fk" FOREIGN KEY ("public_snapshot_id") REFERENCES "public"."public_snapshots"("id") ON DELETE set null;
--> statement-breakpoint
-- A published snapshot is immutable: what the public was shown stays on record as it was.
CREATE OR REPLACE FUNCTION public_snapshots_refuse_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'public_snapshots are immutable: UPDATE refused';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER public_snapshots_immutable BEFORE UPDATE ON public_snapshots
  FOR EACH ROW EXECUTE FUNCTION public_snapshots_refuse_update();
--> statement-breakpoint
-- Cases public under the old rule become their first snapshots, and requests waiting under the old rule
-- (one per event) become the case's one waiting request with its content: done by the app's code after
-- migrating (db/data-migrations.ts, lib/cases/first-snapshots.ts).
INSERT INTO "data_migrations" ("name") VALUES ('first-public-snapshots');
