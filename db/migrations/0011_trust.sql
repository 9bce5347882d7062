CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` text,
	`actor_label` text,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text,
	`before` text,
	`after` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_log_org_at` ON `audit_log` (`organisation_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_org_action_at` ON `audit_log` (`organisation_id`,`action`,`at`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `privacy_contact` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `cse_informed_on` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `audit_retention_months` integer DEFAULT 25 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `disclosure` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `trust_settings_at` integer;