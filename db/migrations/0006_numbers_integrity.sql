CREATE TABLE `daily_visitors` (
	`organisation_id` text NOT NULL,
	`day` text NOT NULL,
	`visitor_hash` text NOT NULL,
	`link_id` text NOT NULL,
	`ingest_id` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `day`, `visitor_hash`, `link_id`)
);
--> statement-breakpoint
CREATE INDEX `daily_visitors_link_day` ON `daily_visitors` (`link_id`,`day`);--> statement-breakpoint
ALTER TABLE `conversions` ADD `counted_value` real DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `conversions_click` ON `conversions` (`click_id`);--> statement-breakpoint
ALTER TABLE `daily_link_stats` ADD `org_visitors` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_link_stats` ADD `campaign_visitors` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `lease_expires_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `conversions` SET `counted_value` = `value` WHERE `attributed` = 1;--> statement-breakpoint
INSERT OR IGNORE INTO `daily_visitors` (`organisation_id`, `day`, `visitor_hash`, `link_id`, `ingest_id`) SELECT `organisation_id`, `day`, `visitor_hash`, `link_id`, 'backfill' FROM `clicks` WHERE `class` = 'human' AND `visitor_hash` IS NOT NULL;--> statement-breakpoint
UPDATE `daily_link_stats` SET `org_visitors` = `unique_visitors`, `campaign_visitors` = `unique_visitors`;
