CREATE TABLE `rate_limit_secrets` (
	`day` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `admins_email_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `admins_org_email` ON `admins` (`organisation_id`,`email`);--> statement-breakpoint
CREATE INDEX `admins_email` ON `admins` (`email`);--> statement-breakpoint
ALTER TABLE `rate_limits` ADD `expires_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `rate_limits_expires` ON `rate_limits` (`expires_at`);--> statement-breakpoint
-- Counters keyed by unsalted hashes of e-mails and IPs are dropped at once.
DELETE FROM `rate_limits`;
