ALTER TABLE `ambassadors` ADD `language` text;--> statement-breakpoint
ALTER TABLE `contents` ADD `ends_at` integer;--> statement-breakpoint
ALTER TABLE `contents` ADD `preview` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `logo_url` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `sharing_guide` text;--> statement-breakpoint
ALTER TABLE `shares` ADD `posted_at` integer;--> statement-breakpoint
CREATE INDEX `shares_org_posted` ON `shares` (`organisation_id`,`posted_at`);--> statement-breakpoint
-- Shares recorded before confirmation existed were all counted: they count as posted when they were created.
UPDATE `shares` SET `posted_at` = `created_at` WHERE `posted_at` IS NULL;