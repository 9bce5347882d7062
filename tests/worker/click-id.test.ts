import { describe, expect, it } from 'vitest';
import { signClickId, verifyClickId } from '../../worker/lib/click-id';
import { newId } from '../../worker/lib/ids';

const KEY = 'k-test';

describe('click ids', () => {
  it('round-trips the link and the time, compact and URL-safe', async () => {
    const linkId = newId('lnk');
    const at = Date.UTC(2026, 10, 25, 8, 30);
    const id = await signClickId(KEY, linkId, at);
    expect(id).toMatch(/^[A-Za-z0-9_-]{50}$/);
    expect(await verifyClickId(KEY, id)).toEqual({ linkId, at });
  });

  it('differs for two clicks on the same link in the same millisecond', async () => {
    const linkId = newId('lnk');
    expect(await signClickId(KEY, linkId, 1)).not.toBe(await signClickId(KEY, linkId, 1));
  });

  it('rejects an id signed with another key', async () => {
    expect(await verifyClickId('other-key', await signClickId(KEY, newId('lnk'), Date.now()))).toBeNull();
  });

  it('rejects any altered character', async () => {
    const id = await signClickId(KEY, newId('lnk'), Date.now());
    for (const position of [0, 3, 12, 30, 49]) {
      const ch = id[position] === 'g' ? 'Q' : 'g'; // differs in the high bits, which carry data in every position
      const altered = id.slice(0, position) + ch + id.slice(position + 1);
      expect(await verifyClickId(KEY, altered), `position ${position}`).toBeNull();
    }
  });

  it('rejects a non-canonical spelling of a valid id', async () => {
    const id = await signClickId(KEY, newId('lnk'), Date.now());
    // The last character carries 2 data bits and 4 padding bits; setting a padding bit spells the same bytes.
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const spelled = id.slice(0, -1) + last[last.indexOf(id.at(-1) ?? 'A') + 1];
    expect(await verifyClickId(KEY, spelled)).toBeNull();
  });

  it.each(['', 'x', 'not a click id', 'A'.repeat(50), 'A'.repeat(500), '%%%', `${'A'.repeat(49)}=`])('rejects %j', async (id) => {
    expect(await verifyClickId(KEY, id)).toBeNull();
  });

  it('refuses to sign for something that is not a link id', async () => {
    await expect(signClickId(KEY, 'cmp_AAAAAAAAAAAAAAAA', 1)).rejects.toThrow();
  });
});
