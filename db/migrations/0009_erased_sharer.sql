ALTER TABLE `shares` ADD `anonymous_sharer` text;--> statement-breakpoint
ALTER TABLE `shares` ADD `erased_audience` integer;