/** Epoch ms → ISO 8601 UTC, and the nullable variant, for DTOs. */
export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined): string | null => (ms == null ? null : iso(ms));
