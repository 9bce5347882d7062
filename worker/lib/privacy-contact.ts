/** The one rule for an organisation's privacy contact: an e-mail address or an https URL. */

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Where a link to `contact` leads: `mailto:` for an e-mail address, the URL itself for an https one; null for anything else. */
export function contactHref(contact: string): string | null {
  if (EMAIL.test(contact)) return `mailto:${contact}`;
  try {
    return new URL(contact).protocol === 'https:' ? contact : null;
  } catch {
    return null;
  }
}
