CREATE TABLE `ambassadors` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text,
	`email` text,
	`display_name` text,
	`team` text,
	`profile` text,
	`audience` text,
	`leaderboard_opt_in` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'invited' NOT NULL,
	`joined_at` integer,
	`left_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ambassadors_org_email` ON `ambassadors` (`organisation_id`,`email`);--> statement-breakpoint
CREATE INDEX `ambassadors_org_created` ON `ambassadors` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`objective` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_org_slug` ON `campaigns` (`organisation_id`,`slug`);--> statement-breakpoint
CREATE INDEX `campaigns_org_created` ON `campaigns` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `clicks` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`link_id` text NOT NULL,
	`at` integer NOT NULL,
	`day` text NOT NULL,
	`class` text NOT NULL,
	`visitor_hash` text,
	`first_of_day` integer DEFAULT false NOT NULL,
	`country` text,
	`referer_host` text,
	`device` text,
	`ingest_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `clicks_link_day_visitor` ON `clicks` (`link_id`,`day`,`visitor_hash`);--> statement-breakpoint
CREATE INDEX `clicks_ingest` ON `clicks` (`ingest_id`);--> statement-breakpoint
CREATE INDEX `clicks_org_at` ON `clicks` (`organisation_id`,`at`);--> statement-breakpoint
CREATE TABLE `contents` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`url` text NOT NULL,
	`slug` text NOT NULL,
	`talking_points` text DEFAULT '' NOT NULL,
	`networks` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contents_org_slug` ON `contents` (`organisation_id`,`slug`);--> statement-breakpoint
CREATE INDEX `contents_campaign` ON `contents` (`campaign_id`);--> statement-breakpoint
CREATE INDEX `contents_org_created` ON `contents` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `daily_link_stats` (
	`organisation_id` text NOT NULL,
	`day` text NOT NULL,
	`link_id` text NOT NULL,
	`ambassador_id` text,
	`content_id` text,
	`campaign_id` text,
	`network` text,
	`clicks` integer DEFAULT 0 NOT NULL,
	`unique_visitors` integer DEFAULT 0 NOT NULL,
	`previews` integer DEFAULT 0 NOT NULL,
	`scanners` integer DEFAULT 0 NOT NULL,
	`automated` integer DEFAULT 0 NOT NULL,
	`self` integer DEFAULT 0 NOT NULL,
	`optouts` integer DEFAULT 0 NOT NULL,
	`conversions` integer DEFAULT 0 NOT NULL,
	`conversion_value` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`organisation_id`, `day`, `link_id`)
);
--> statement-breakpoint
CREATE INDEX `daily_link_stats_org_day` ON `daily_link_stats` (`organisation_id`,`day`);--> statement-breakpoint
CREATE INDEX `daily_link_stats_link` ON `daily_link_stats` (`link_id`);--> statement-breakpoint
CREATE TABLE `daily_salts` (
	`day` text PRIMARY KEY NOT NULL,
	`salt` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `links` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`slug` text NOT NULL,
	`ambassador_id` text,
	`content_id` text NOT NULL,
	`network` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ambassador_id`) REFERENCES `ambassadors`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`content_id`) REFERENCES `contents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `links_slug_unique` ON `links` (`slug`);--> statement-breakpoint
CREATE INDEX `links_org` ON `links` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `links_ambassador` ON `links` (`ambassador_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `links_owner_content_network` ON `links` (`ambassador_id`,`content_id`,`network`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`attribution_window_days` integer DEFAULT 30 NOT NULL,
	`fallback_url` text,
	`utm_medium` text DEFAULT 'employee_advocacy' NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`rates` text DEFAULT '{}' NOT NULL,
	`conversion_values` text DEFAULT '{}' NOT NULL,
	`ambassador_visibility` text DEFAULT 'opt-in' NOT NULL,
	`retention_months` integer DEFAULT 25 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_unique` ON `organisations` (`slug`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_subject` ON `sessions` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);