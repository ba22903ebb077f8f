CREATE TABLE "petition_address_windows" (
	"petition_id" uuid NOT NULL,
	"ip_hash" text NOT NULL,
	"attempt_times" timestamp with time zone[] NOT NULL,
	"allowed" boolean NOT NULL,
	"retry_after_seconds" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_address_windows_petition_id_ip_hash_pk" PRIMARY KEY("petition_id","ip_hash")
);
--> statement-breakpoint
ALTER TABLE "petition_address_windows" ADD CONSTRAINT "petition_address_windows_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_address_windows_updated_idx" ON "petition_address_windows" USING btree ("updated_at");