ALTER TYPE "public"."mail_status" ADD VALUE 'sending';--> statement-breakpoint
ALTER TYPE "public"."mail_status" ADD VALUE 'unknown';--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "smtp_message_id" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "smtp_response" text;--> statement-breakpoint
ALTER TABLE "job_leases" ADD COLUMN "locked_by" text;