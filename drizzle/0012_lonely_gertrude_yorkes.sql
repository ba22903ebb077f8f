ALTER TABLE "mail_outbox" ADD COLUMN "list_unsubscribe" text;--> statement-breakpoint
ALTER TABLE "letter_targets" ADD COLUMN "web_form_url" text DEFAULT '' NOT NULL;