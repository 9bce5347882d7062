CREATE INDEX `daily_link_stats_org_ambassador` ON `daily_link_stats` (`organisation_id`,`ambassador_id`);--> statement-breakpoint
CREATE INDEX `links_content` ON `links` (`content_id`);