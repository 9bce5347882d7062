/** A content's preview card as the API shows it, and its image served from our origin. */
import { and, eq } from 'drizzle-orm';
import { contents, type ContentPreview } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { iso } from '../lib/time';
import type { ContentPreviewDto } from '../schemas/contents';
import { loadImage, type ProxiedImage } from './proxied-images';

/** Where a browser loads a content's preview image (the fetch time busts its cache after a refresh). */
export const contentImagePath = (contentId: string, preview: ContentPreview) => `/api/v1/contents/${contentId}/image?v=${preview.fetchedAt}`;

/** The API shape of a stored preview. */
export function toPreviewDto(contentId: string, preview: ContentPreview | null): ContentPreviewDto {
  if (!preview) return null;
  return { title: preview.title, description: preview.description, image: preview.image, imagePath: preview.image ? contentImagePath(contentId, preview) : null, fetchedAt: iso(preview.fetchedAt) };
}

/** The preview image of the organisation's content `id`; 404 when it has none or it cannot be served, or the content is another organisation's. */
export async function getContentImage(db: Db, organisationId: string, id: string): Promise<ProxiedImage> {
  const row = await db.select({ preview: contents.preview }).from(contents).where(and(eq(contents.organisationId, organisationId), eq(contents.id, id))).get();
  const image = row?.preview?.image ? await loadImage(row.preview.image) : null;
  if (!image) throw new ApiError('not_found', 'This content has no preview image.');
  return image;
}
