ALTER TYPE "public"."blocklist_kind" ADD VALUE 'ip_hash';--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"label" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"expected_crowd" integer NOT NULL,
	"address_ceiling" integer NOT NULL,
	"ended_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"ended_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_events_window" CHECK ("petition_events"."ends_at" > "petition_events"."starts_at"),
	CONSTRAINT "petition_events_crowd_positive" CHECK ("petition_events"."expected_crowd" > 0 and "petition_events"."address_ceiling" > 0)
);
--> statement-breakpoint
ALTER TABLE "petition_blocklist" DROP CONSTRAINT "petition_blocklist_one_value";--> statement-breakpoint
ALTER TABLE "petition_blocklist" ADD COLUMN "ip_hash" text;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "petition_events_one_current" ON "petition_events" USING btree ("petition_id") WHERE "petition_events"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "petition_events_petition_idx" ON "petition_events" USING btree ("petition_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_blocklist_ip_hash_unique" ON "petition_blocklist" USING btree ("ip_hash");--> statement-breakpoint
ALTER TABLE "petition_blocklist" ADD CONSTRAINT "petition_blocklist_one_value" CHECK (("petition_blocklist"."kind"::text = 'email_domain' and "petition_blocklist"."domain" is not null and "petition_blocklist"."ip_range" is null and "petition_blocklist"."ip_hash" is null) or ("petition_blocklist"."kind"::text = 'ip_range' and "petition_blocklist"."ip_range" is not null and "petition_blocklist"."domain" is null and "petition_blocklist"."ip_hash" is null) or ("petition_blocklist"."kind"::text = 'ip_hash' and "petition_blocklist"."ip_hash" is not null and "petition_blocklist"."domain" is null and "petition_blocklist"."ip_range" is null));