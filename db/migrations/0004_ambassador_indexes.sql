DROP INDEX `daily_link_stats_org_ambassador`;--> statement-breakpoint
CREATE INDEX `daily_link_stats_org_ambassador_day` ON `daily_link_stats` (`organisation_id`,`ambassador_id`,`day`);--> statement-breakpoint
CREATE INDEX `conversions_ambassador` ON `conversions` (`ambassador_id`);