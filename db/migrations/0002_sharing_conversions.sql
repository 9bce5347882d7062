CREATE TABLE `conversions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`click_id` text NOT NULL,
	`link_id` text NOT NULL,
	`ambassador_id` text,
	`content_id` text,
	`campaign_id` text,
	`network` text,
	`type` text NOT NULL,
	`value` real NOT NULL,
	`currency` text NOT NULL,
	`external_id` text,
	`occurred_at` integer NOT NULL,
	`click_at` integer NOT NULL,
	`click_day` text NOT NULL,
	`attributed` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversions_org_type_external` ON `conversions` (`organisation_id`,`type`,`external_id`);--> statement-breakpoint
CREATE INDEX `conversions_org_created` ON `conversions` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `conversions_link` ON `conversions` (`link_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`organisation_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`state` text NOT NULL,
	`status` integer,
	`response` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `shares` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`ambassador_id` text,
	`content_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`link_id` text NOT NULL,
	`network` text NOT NULL,
	`text` text,
	`similarity` real DEFAULT 0 NOT NULL,
	`near_copy` integer DEFAULT false NOT NULL,
	`impressions` integer,
	`reactions` integer,
	`comments` integer,
	`reshares` integer,
	`metrics_reported_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ambassador_id`) REFERENCES `ambassadors`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`content_id`) REFERENCES `contents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shares_org_created` ON `shares` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `shares_content` ON `shares` (`content_id`);--> statement-breakpoint
CREATE INDEX `shares_ambassador` ON `shares` (`ambassador_id`);--> statement-breakpoint
CREATE INDEX `shares_link` ON `shares` (`link_id`);