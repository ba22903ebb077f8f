ALTER TABLE "petitions" ADD COLUMN "delivery_event_id" uuid;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "delivery_publication_refusal" text;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_delivery_event_id_timeline_events_id_fk" FOREIGN KEY ("delivery_event_id") REFERENCES "public"."timeline_events"("id") ON DELETE set null ON UPDATE no action;