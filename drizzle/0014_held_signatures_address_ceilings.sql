ALTER TABLE "petition_address_windows" ADD COLUMN "window_started_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "petition_address_windows" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "petition_signatures" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "petition_signatures_held_idx" ON "petition_signatures" USING btree ("petition_id","ip_hash") WHERE "petition_signatures"."held_at" is not null;--> statement-breakpoint
ALTER TABLE "petition_address_windows" DROP COLUMN "attempt_times";--> statement-breakpoint
ALTER TABLE "petition_address_windows" DROP COLUMN "allowed";--> statement-breakpoint
ALTER TABLE "petition_address_windows" DROP COLUMN "retry_after_seconds";