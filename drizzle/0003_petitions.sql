CREATE TYPE "public"."blocklist_kind" AS ENUM('email_domain', 'ip_range');--> statement-breakpoint
CREATE TYPE "public"."petition_status" AS ENUM('draft', 'open', 'paused', 'closed', 'delivered');--> statement-breakpoint
CREATE TYPE "public"."signer_display" AS ENUM('anonymous', 'first_name_country');--> statement-breakpoint
CREATE TABLE "petition_blocklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "blocklist_kind" NOT NULL,
	"domain" text,
	"ip_range" "cidr",
	"note" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_blocklist_one_value" CHECK (("petition_blocklist"."kind" = 'email_domain' and "petition_blocklist"."domain" is not null and "petition_blocklist"."ip_range" is null) or ("petition_blocklist"."kind" = 'ip_range' and "petition_blocklist"."ip_range" is not null and "petition_blocklist"."domain" is null))
);
--> statement-breakpoint
CREATE TABLE "petition_count_shards" (
	"petition_id" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"confirmed" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_count_shards_petition_id_shard_pk" PRIMARY KEY("petition_id","shard")
);
--> statement-breakpoint
CREATE TABLE "petition_idempotency_keys" (
	"petition_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_idempotency_keys_petition_id_key_hash_pk" PRIMARY KEY("petition_id","key_hash")
);
--> statement-breakpoint
CREATE TABLE "petition_invalidations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"filter" jsonb NOT NULL,
	"signature_count" integer NOT NULL,
	"created_by_user_id" uuid,
	"reverted_at" timestamp with time zone,
	"reverted_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"signing_paused" boolean DEFAULT false NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_settings_single_row" CHECK ("petition_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "petition_sign_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"ip_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"email" text,
	"email_normalised" text,
	"email_domain" text,
	"name" text,
	"country" text NOT NULL,
	"display" "signer_display" DEFAULT 'anonymous' NOT NULL,
	"wants_updates" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"ip_hash" text,
	"confirmation_token_hash" text,
	"confirmation_expires_at" timestamp with time zone,
	"confirmation_sent_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"invalidation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"target" text NOT NULL,
	"goal" integer NOT NULL,
	"status" "petition_status" DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"delivered_on" date,
	"delivered_to" text,
	"delivery_note" text,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petitions_goal_positive" CHECK ("petitions"."goal" > 0)
);
--> statement-breakpoint
ALTER TABLE "petition_blocklist" ADD CONSTRAINT "petition_blocklist_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_count_shards" ADD CONSTRAINT "petition_count_shards_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_idempotency_keys" ADD CONSTRAINT "petition_idempotency_keys_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_invalidations" ADD CONSTRAINT "petition_invalidations_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_invalidations" ADD CONSTRAINT "petition_invalidations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_invalidations" ADD CONSTRAINT "petition_invalidations_reverted_by_user_id_users_id_fk" FOREIGN KEY ("reverted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_settings" ADD CONSTRAINT "petition_settings_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_sign_attempts" ADD CONSTRAINT "petition_sign_attempts_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_signatures" ADD CONSTRAINT "petition_signatures_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_signatures" ADD CONSTRAINT "petition_signatures_invalidation_id_petition_invalidations_id_fk" FOREIGN KEY ("invalidation_id") REFERENCES "public"."petition_invalidations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "petition_blocklist_domain_unique" ON "petition_blocklist" USING btree ("domain");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_blocklist_ip_range_unique" ON "petition_blocklist" USING btree ("ip_range");--> statement-breakpoint
CREATE INDEX "petition_idempotency_keys_created_idx" ON "petition_idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "petition_invalidations_petition_idx" ON "petition_invalidations" USING btree ("petition_id","created_at");--> statement-breakpoint
CREATE INDEX "petition_sign_attempts_lookup_idx" ON "petition_sign_attempts" USING btree ("petition_id","ip_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_signatures_one_per_person" ON "petition_signatures" USING btree ("petition_id","email_normalised");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_signatures_token_unique" ON "petition_signatures" USING btree ("confirmation_token_hash");--> statement-breakpoint
CREATE INDEX "petition_signatures_petition_created_idx" ON "petition_signatures" USING btree ("petition_id","created_at");--> statement-breakpoint
CREATE INDEX "petition_signatures_petition_confirmed_idx" ON "petition_signatures" USING btree ("petition_id","confirmed_at");--> statement-breakpoint
CREATE INDEX "petition_signatures_invalidation_idx" ON "petition_signatures" USING btree ("invalidation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_slug_unique" ON "petitions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "petitions_case_idx" ON "petitions" USING btree ("case_id","status");