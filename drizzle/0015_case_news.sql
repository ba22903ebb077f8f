CREATE TABLE "case_news" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"headline" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mailed_at" timestamp with time zone,
	"recipients" integer
);
--> statement-breakpoint
ALTER TABLE "case_news" ADD CONSTRAINT "case_news_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_news_unmailed_idx" ON "case_news" USING btree ("created_at") WHERE "case_news"."mailed_at" is null;